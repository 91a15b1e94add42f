// One run of the browser check: its named steps, what failed in each, and
// the screenshots. A step fails on a thrown error, a page error, a console
// error or an icon name the design system doesn't have.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { iconNames, unknownIcons } from './layout.mjs';

/**
 * A failure in one line: Playwright's first line, what it waited for, and
 * what was painted over the element it meant to click, from its call log.
 */
function describe(error) {
    const log = error.message.replace(/\u001b\[\d+m/g, '');
    const waitingFor = /waiting for (.*)/.exec(log);
    const covered = log
        .split('\n')
        .reverse()
        .find((line) => line.includes('intercepts pointer events'));
    return [
        log.split('\n')[0],
        waitingFor ? ` (waiting for ${waitingFor[1]})` : '',
        covered ? `; painted over it: ${covered.trim().replace(/^-\s*/, '')}` : ''
    ].join('');
}

export class CheckRun {
    /** @param {{outDir: string, iconsDir: string, log?: (line: string) => void}} options */
    constructor({ outDir, iconsDir, log = console.log }) {
        this.outDir = outDir;
        this.iconsDir = iconsDir;
        this.log = log;
        this.passed = [];
        this.failed = [];
        mkdirSync(outDir, { recursive: true });
    }

    /** Icon names on the page the design system doesn't have, as problems */
    async iconProblems(page) {
        return unknownIcons(this.iconsDir, await iconNames(page)).map((icon) => `icon not in the design system: ${icon}`);
    }

    async step(name, page, action) {
        const started = Date.now();
        const errors = [];
        const onError = (error) => errors.push(`page error: ${error.message}`);
        const onConsole = (message) => {
            if (message.type() === 'error') {
                errors.push(`console error: ${message.text()}`);
            }
        };
        page.on('pageerror', onError);
        page.on('console', onConsole);
        try {
            await action();
            errors.push(...(await this.iconProblems(page)));
        } catch (error) {
            errors.push(describe(error));
        } finally {
            page.off('pageerror', onError);
            page.off('console', onConsole);
        }
        if (errors.length > 0) {
            this.failed.push(name);
            this.log(`FAILED ${name}\n  ${errors.join('\n  ')}`);
            await page.screenshot({ path: path.join(this.outDir, `failed-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
        } else {
            this.passed.push(name);
            this.log(`ok ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        }
    }

    /** A full-page screenshot, without the mouse hovering anything */
    async shot(page, name) {
        await page.mouse.move(0, 0);
        await page.screenshot({ path: path.join(this.outDir, `${name}.png`), fullPage: true });
    }
}
