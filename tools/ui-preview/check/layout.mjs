// Checks of how a page looks that a person would notice: icons the design
// system doesn't have, cards run together, headings beside their content,
// and the colour an icon is painted in.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { box, escapeRegExp, expect, gap } from './helpers.mjs';

/** Every icon name the page renders (lightning-icon and friends), found through shadow roots */
export async function iconNames(page) {
    return page.evaluate(() => {
        const names = new Set();
        const visit = (root) => {
            root.querySelectorAll('*').forEach((node) => {
                const name = node.iconName;
                if (typeof name === 'string' && name.includes(':')) {
                    names.add(name);
                }
                if (node.shadowRoot) {
                    visit(node.shadowRoot);
                }
            });
        };
        visit(document);
        return [...names];
    });
}

/** The names among `names` with no SVG in the design system's icon folder */
export function unknownIcons(iconsDir, names) {
    return names.filter((name) => {
        const [category, icon] = name.split(':');
        return !existsSync(path.join(iconsDir, category, `${icon}.svg`));
    });
}

/** Cards stacked on a page keep the design system's spacing between them */
export async function expectCardsApart(page) {
    const cards = page.locator('#page article.slds-card');
    const count = await cards.count();
    expect(count > 0, 'no cards on the page');
    for (let i = 1; i < count; i++) {
        // eslint-disable-next-line no-await-in-loop
        const [upper, lower] = [await box(cards.nth(i - 1)), await box(cards.nth(i))];
        expect(gap(upper, lower) >= 12, `card ${i + 1} is ${gap(upper, lower)}px below card ${i} (want at least 12px)`);
    }
}

/** Each group heading sits above its content, never beside it */
export async function expectHeadingsAbove(page) {
    const misplaced = await page.evaluate(() => {
        const found = [];
        const visit = (root) => {
            root.querySelectorAll('h3, h4, legend').forEach((heading) => {
                // A title bar that puts a note beside its heading on purpose
                if (heading.parentElement.classList.contains('slds-grid')) {
                    return;
                }
                const next = heading.nextElementSibling;
                if (next && next.getBoundingClientRect().height > 0) {
                    const h = heading.getBoundingClientRect();
                    const n = next.getBoundingClientRect();
                    if (n.top < h.bottom - 1) {
                        found.push(heading.textContent.trim());
                    }
                }
            });
            root.querySelectorAll('*').forEach((node) => node.shadowRoot && visit(node.shadowRoot));
        };
        visit(document);
        return found;
    });
    expect(misplaced.length === 0, `headings beside their content: ${misplaced.join(', ')}`);
}

/** The colour the icon's SVG is painted in, as 'green', 'red' or 'other' */
export async function iconColour(iconLocator) {
    const fill = await iconLocator.locator('svg').first().evaluate((svg) => getComputedStyle(svg).fill);
    const [r, g, b] = (fill.match(/\d+/g) || []).map(Number);
    if (g > r * 1.3 && g > b * 1.3) {
        return 'green';
    }
    if (r > g * 2 && r > b * 2) {
        return 'red';
    }
    return `other (${fill})`;
}

/** The form element (base component host) of the field labelled `label`, required (*) or not */
export function field(page, label) {
    const labelled = page.getByLabel(new RegExp(`^\\*?\\s*${escapeRegExp(label)}$`));
    return page.locator('lightning-input, lightning-combobox, lightning-textarea', { has: labelled }).first();
}

/** Fields stacked one below the other keep at least 8px between them, as stacked forms do */
export async function expectFieldsApart(page, labels) {
    for (let i = 1; i < labels.length; i++) {
        // eslint-disable-next-line no-await-in-loop
        const space = gap(await box(field(page, labels[i - 1])), await box(field(page, labels[i])));
        expect(space >= 8, `"${labels[i]}" is ${space}px below "${labels[i - 1]}" (want at least 8px)`);
    }
}
