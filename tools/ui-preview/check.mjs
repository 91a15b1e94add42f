// The browser check (scripts/check-ui, a step of scripts/test): headless
// Debian Chromium opens every page of the preview and goes through the admin
// guide's flows as an admin would, by labels and buttons (check/*Flows.mjs).
// A step fails on any page error, console error, icon name the design system
// doesn't have, or failed expectation; full-page screenshots of each page go
// to the output folder. Prints "N passed, N failed" and exits 1 on a failure.
//   node tools/ui-preview/check.mjs [--app-dir DIR] [--out DIR] [--chromium PATH] [--scale 0.75]
import path from 'node:path';
import { chromium } from 'playwright-core';
import { LWC_DIR, ROOT } from './build.mjs';
import { startServer } from './server.mjs';
import { PAGES } from './pages.mjs';
import { CheckRun } from './check/run.mjs';
import { WAIT_MS, expect, open } from './check/helpers.mjs';
import { iconNames } from './check/layout.mjs';
import { checkSetup } from './check/setupFlows.mjs';
import { checkConfigurations } from './check/configurationFlows.mjs';
import { checkStatus } from './check/statusFlows.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const appDir = path.resolve(option('--app-dir', path.join(ROOT, 'target/ui-preview/app')));
const outDir = path.resolve(option('--out', path.join(ROOT, 'target/ui-check/screenshots')));
const chromiumPath = option('--chromium', '/usr/bin/chromium');
// 0.75 makes the README's smaller screenshots; layout is measured in CSS pixels either way
const scale = Number(option('--scale', '1'));
const assetsDir = path.join(ROOT, 'node_modules/@salesforce-ux/design-system/assets');

const run = new CheckRun({ outDir, iconsDir: path.join(assetsDir, 'icons') });
const server = await startServer({ appDir, assetsDir, lwcDir: LWC_DIR });
// Debian's Chromium, without the network calls it makes at start (they hang
// where there is no network); Playwright gives it a fresh profile each run
const browser = await chromium.launch({
    executablePath: chromiumPath,
    timeout: 60000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: scale });
    context.setDefaultTimeout(WAIT_MS);
    // The pages' timers run at their own pace; the connection test moves them on
    await context.clock.install();
    const page = await context.newPage();
    await run.step('Every page opens', page, async () => {
        for (const preview of PAGES) {
            // eslint-disable-next-line no-await-in-loop
            await open(page, server.url, preview.path);
            // The icon check sees this page's icons (it is not blind) and knows each
            // eslint-disable-next-line no-await-in-loop
            expect((await iconNames(page)).length > 0, `no icons found on ${preview.path}`);
            // eslint-disable-next-line no-await-in-loop
            const unknown = await run.iconProblems(page);
            expect(unknown.length === 0, `${preview.path}: ${unknown.join(', ')}`);
        }
    });
    await checkSetup(run, page, server.url);
    await checkConfigurations(run, page, server.url);
    await checkStatus(run, page, server.url);
} finally {
    await browser.close();
    await server.close();
}
console.log(`screenshots in ${path.relative(ROOT, outDir)}`);
if (run.failed.length > 0) {
    console.log(`failed: ${run.failed.join('; ')}`);
}
console.log(`${run.passed.length} passed, ${run.failed.length} failed`);
process.exit(run.failed.length > 0 ? 1 : 0);
