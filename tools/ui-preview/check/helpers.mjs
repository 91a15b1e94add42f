// What the browser check's flows do with a page: open it, wait for a
// condition, pick a combobox option, measure boxes. Every wait is on a
// condition with a generous limit (the machine may be busy), never a sleep.

/** How long any one condition may take to hold */
export const WAIT_MS = 30000;

export function expect(condition, message) {
    if (!condition) {
        throw new Error(message);
    }
}

/** Polls a condition until it holds or the time is up */
export async function waitUntil(condition, what, timeout = WAIT_MS) {
    const deadline = Date.now() + timeout;
    for (;;) {
        // eslint-disable-next-line no-await-in-loop
        if (await condition()) {
            return;
        }
        if (Date.now() > deadline) {
            throw new Error(`gave up after ${timeout / 1000} s waiting for ${what}`);
        }
        // eslint-disable-next-line no-await-in-loop
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

export function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text that is exactly `text`, give or take surrounding white space */
export function exactly(text) {
    return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

/** Waits until no spinner is left on the page */
export async function settled(page) {
    await page.waitForFunction(() => !document.querySelector('lightning-spinner'), null, { timeout: WAIT_MS });
}

/** Opens one of the preview's pages and waits for it to load */
export async function open(page, base, pagePath) {
    await page.goto(`${base}${pagePath}`);
    await page.locator('#page > *').first().waitFor();
    await settled(page);
}

/**
 * Picks an option of a lightning-combobox as a person does: opens it by its
 * label and clicks the option that reads optionLabel. The base component's
 * options carry their text in their own (synthetic) shadow tree, so they have
 * no accessible name for getByRole; their text is still what a person reads.
 * The click fails when anything is painted over the option.
 */
export async function choose(page, comboboxLabel, optionLabel) {
    const combobox = page.getByRole('combobox', { name: comboboxLabel, exact: true });
    await combobox.click();
    const host = page.locator('lightning-combobox', { has: combobox });
    await host.locator('[role="option"]', { hasText: exactly(optionLabel) }).click();
    await waitUntil(async () => (await combobox.getAttribute('aria-expanded')) === 'false', `${comboboxLabel} to close`);
}

/** A toast that reads `title` appears; then it is closed, as a person would, so the next one is not mistaken for it */
export async function toast(page, title) {
    const shown = page.locator('.slds-notify_toast', { hasText: title });
    await shown.waitFor();
    // It may close itself between these two lines
    await shown.getByRole('button', { name: 'Close' }).click({ timeout: 2000 }).catch(() => {});
    await shown.waitFor({ state: 'detached' });
}

export async function box(locator) {
    const result = await locator.boundingBox();
    if (!result) {
        throw new Error(`not visible: ${locator}`);
    }
    return result;
}

/** The vertical gap between two boxes; negative when they overlap */
export function gap(upper, lower) {
    return lower.y - (upper.y + upper.height);
}
