// Builds the package's Lightning pages for a browser outside an org: LWC OSS
// compiles force-app/main/default/lwc (namespace c) with Salesforce's
// open-source base components (lightning-base-components); the platform
// modules that exist only in an org (@salesforce/apex, toasts) come from src/.
import { readdirSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const LWC_DIR = path.join(ROOT, 'force-app/main/default/lwc');
const APEX_PREFIX = '@salesforce/apex/';
const APEX_CLIENT = path.join(here, 'src/apexClient.js');
// Gates the base components' package opens that an org using synthetic shadow
// keeps closed: form-associated comboboxes call attachInternals, which
// synthetic shadow refuses ("attachInternals API is not supported").
const CLOSED_GATES = ['@salesforce/gate/bc.260.enableComboboxElementInternals'];

/** One alias per package component: the source format has no namespace folder. */
function packageModules() {
    return readdirSync(LWC_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => ({
            name: `c/${entry.name}`,
            path: path.join(LWC_DIR, entry.name, `${entry.name}.js`)
        }))
        .filter((record) => existsSync(record.path));
}

/**
 * `@salesforce/apex/Class.method` becomes a function that posts to the
 * preview server, which answers from the Jest fixtures; it doubles as a wire
 * adapter, as Apex imports do in an org.
 */
function platformModules() {
    return {
        name: 'exchange-sync-platform-modules',
        resolveId(source) {
            if (source.startsWith(APEX_PREFIX)) {
                return `\0apex:${source.slice(APEX_PREFIX.length)}`;
            }
            if (CLOSED_GATES.includes(source)) {
                return '\0closed-gate';
            }
            if (source === 'lightning/platformShowToastEvent') {
                return path.join(here, 'src/platformShowToastEvent.js');
            }
            return null;
        },
        load(id) {
            if (id === '\0closed-gate') {
                return 'export default { isOpen: () => false };\n';
            }
            if (id.startsWith('\0apex:')) {
                const method = id.slice('\0apex:'.length);
                return `import { apexMethod } from ${JSON.stringify(APEX_CLIENT)};\nexport default apexMethod(${JSON.stringify(method)});\n`;
            }
            return null;
        },
        transform(code) {
            // Base components ask whether they render on a server; the bundle is for browsers
            if (code.includes('import.meta.env')) {
                return { code: code.replace(/import\.meta\.env\.SSR/g, 'false'), map: null };
            }
            if (code.includes('process.env.NODE_ENV')) {
                return { code: code.replace(/process\.env\.NODE_ENV/g, '"production"'), map: null };
            }
            return null;
        }
    };
}

/**
 * Builds the bundle into outDir (ES modules, one chunk per icon family),
 * through a folder beside it, so that an interrupted build never leaves a
 * half-written outDir that looks up to date.
 */
export async function build(outDir) {
    const partial = `${outDir}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    const warnings = [];
    const bundle = await rollup({
        input: path.join(here, 'src/main.js'),
        plugins: [
            platformModules(),
            lwc({
                rootDir: path.join(here, 'src'),
                modules: [...packageModules(), { npm: 'lightning-base-components' }],
                // Some base components (the datatable's sorting dialog) use lwc:is
                enableDynamicComponents: true
            })
        ],
        onwarn(warning) {
            // The base components' own circular imports and template warnings are theirs
            if (warning.code !== 'CIRCULAR_DEPENDENCY' && !String(warning.id || warning.loc?.file || '').includes('/node_modules/')) {
                warnings.push(warning.message);
            }
        }
    });
    await bundle.write({ dir: partial, format: 'es', chunkFileNames: 'chunks/[name]-[hash].js' });
    await bundle.close();
    rmSync(outDir, { recursive: true, force: true });
    renameSync(partial, outDir);
    return warnings;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const outDir = path.resolve(process.argv[2] || path.join(ROOT, 'target/ui-preview/app'));
    const started = Date.now();
    const warnings = await build(outDir);
    warnings.forEach((message) => console.warn(`warning: ${message}`));
    console.log(`built ${path.relative(ROOT, outDir)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
