// scripts/preview-ui runs this: serves the built pages and prints one URL per
// page until Ctrl-C; with --browser PATH, also opens the page list in it.
//   node tools/ui-preview/preview.mjs [--app-dir DIR] [--port N] [--host ADDRESS] [--build] [--browser PATH]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build, ROOT, LWC_DIR } from './build.mjs';
import { startServer } from './server.mjs';
import { PAGES } from './pages.mjs';

const args = process.argv.slice(2);
const option = (name) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
};
const appDir = path.resolve(option('--app-dir') || path.join(ROOT, 'target/ui-preview/app'));
const port = Number(option('--port') || 0);
if (args.includes('--build')) {
    const warnings = await build(appDir);
    warnings.forEach((message) => console.warn(`warning: ${message}`));
}
let server;
try {
    server = await startServer({
        appDir,
        assetsDir: path.join(ROOT, 'node_modules/@salesforce-ux/design-system/assets'),
        lwcDir: LWC_DIR,
        port,
        host: option('--host') || '127.0.0.1'
    });
} catch (error) {
    const reason = error.code === 'EADDRINUSE' ? `port ${port} is in use; pass --port N (0 picks a free one)` : error.message;
    console.error(`The preview could not start: ${reason}`);
    process.exit(1);
}
console.log('Exchange Sync admin pages (Apex answered from the Jest fixtures; Ctrl-C stops):');
PAGES.forEach((page) => console.log(`  ${page.title.padEnd(40)} ${server.url}${page.path}`));
console.log(`READY ${server.url}`);
const browser = option('--browser');
if (browser) {
    // Its own profile, so an open Chromium of the user's is left alone
    const profile = path.join(ROOT, 'target/ui-preview/chromium-profile');
    // Chromium refuses to start as root unless told to run without its sandbox
    const asRoot = process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [];
    spawn(browser, [...asRoot, `--user-data-dir=${profile}`, '--no-first-run', `${server.url}/`], { stdio: 'ignore', detached: true }).unref();
}
