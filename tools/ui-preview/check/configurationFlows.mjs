// The admin guide's configuration flows: the list, create a configuration
// with users, profiles, a contact filter and a field mapping, edit it (what
// was saved comes back, a change is kept), delete one after a confirmation
// that names the action; and the editor's layout.
import { box, choose, expect, gap, open, settled, toast } from './helpers.mjs';
import { expectHeadingsAbove, field } from './layout.mjs';

/** What a combobox shows as chosen */
async function shown(page, comboboxLabel) {
    const combobox = page.getByRole('combobox', { name: comboboxLabel, exact: true });
    const text = (await combobox.evaluate((node) => node.value || node.textContent)) || '';
    return text.trim();
}

/** The member picker: search users or profiles for a keyword and add one */
async function addMember(page, searchType, keyword, member) {
    await choose(page, 'Search', searchType);
    await page.getByLabel('for', { exact: true }).fill(keyword);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('listbox', { name: 'Available Members' }).getByRole('option', { name: member, exact: true }).click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('listbox', { name: 'Assigned Members' }).getByRole('option', { name: member, exact: true }).waitFor();
}

/** The list's row action menu of the configuration named `name` */
async function rowAction(page, name, action) {
    const row = page.locator('tr', { has: page.getByText(name, { exact: true }) });
    await row.getByRole('button', { name: 'Show actions', exact: true }).click();
    await page.getByRole('menuitem', { name: action, exact: true }).click();
}

async function assigned(page) {
    return (await page.getByRole('listbox', { name: 'Assigned Members' }).getByRole('option').allTextContents()).map((text) => text.trim());
}

export async function checkConfigurations(run, page, base) {
    await run.step('Configurations: the list', page, async () => {
        await open(page, base, '/configurations');
        await page.getByText('Sales Reps Europe').waitFor();
        await run.shot(page, 'configurations');
    });
    await run.step('Configurations: create one with users, profiles, filters and mappings', page, async () => {
        await page.getByRole('button', { name: 'New Exchange Configuration' }).click();
        await page.getByText('New Exchange Sync Configuration').waitFor();
        await settled(page);
        await page.getByRole('textbox', { name: /^\*?\s*Name$/ }).fill('Sales Reps Asia');
        await page.getByText('Active', { exact: true }).click();
        await addMember(page, 'Users', 'Ce', 'User: Celia Kung');
        await addMember(page, 'Profiles', 'Sales', 'Profile: Sales Rep');
        await choose(page, 'Contact Sync Direction', 'Both directions');
        await page.getByRole('button', { name: 'Add Contact Filter' }).click();
        await choose(page, 'Contact field, filter 1', 'Mailing Country');
        await page.getByLabel('Value, filter 1').fill('Japan');
        await page.getByRole('button', { name: 'Add Contact Mapping' }).click();
        await choose(page, 'Salesforce field, mapping 1', 'Email');
        await choose(page, 'Exchange field, mapping 1', 'Email (email)');
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await toast(page, 'Exchange Sync configuration saved');
        const row = page.locator('tr', { has: page.getByText('Sales Reps Asia', { exact: true }) });
        await row.waitFor();
        for (const column of ['Users', 'Profiles']) {
            // eslint-disable-next-line no-await-in-loop
            const cell = await row.locator(`td[data-label="${column}"]`).innerText();
            expect(cell.trim() === '1', `the new row's ${column}: ${cell}`);
        }
    });
    await run.step('Configurations: edit keeps what was saved and saves a change', page, async () => {
        await rowAction(page, 'Sales Reps Asia', 'Edit');
        await page.getByText('Edit Exchange Sync Configuration').waitFor();
        await settled(page);
        expect((await assigned(page)).join('|') === 'User: Celia Kung|Profile: Sales Rep', `assigned members: ${(await assigned(page)).join(', ')}`);
        expect((await shown(page, 'Contact Sync Direction')) === 'Both directions', 'the contact sync direction');
        expect((await shown(page, 'Contact field, filter 1')) === 'Mailing Country', `filter 1's field: ${await shown(page, 'Contact field, filter 1')}`);
        expect((await page.getByLabel('Value, filter 1').inputValue()) === 'Japan', 'the filter value');
        expect((await shown(page, 'Exchange field, mapping 1')) === 'Email (email)', `mapping 1: ${await shown(page, 'Exchange field, mapping 1')}`);
        await page.getByRole('listbox', { name: 'Assigned Members' }).getByRole('option', { name: 'User: Celia Kung', exact: true }).click();
        await page.getByRole('button', { name: 'Remove', exact: true }).click();
        await page.getByLabel('Value, filter 1').fill('Korea');
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await toast(page, 'Exchange Sync configuration saved');
        await rowAction(page, 'Sales Reps Asia', 'Edit');
        await page.getByText('Edit Exchange Sync Configuration').waitFor();
        await settled(page);
        expect((await page.getByLabel('Value, filter 1').inputValue()) === 'Korea', 'the changed filter value was not kept');
        expect((await assigned(page)).join('|') === 'Profile: Sales Rep', `assigned members after the change: ${(await assigned(page)).join(', ')}`);
        await page.getByRole('button', { name: 'Cancel', exact: true }).click();
        await page.getByText('Sandbox Test').waitFor();
    });
    await run.step('Configurations: delete after a confirmation that says Delete', page, async () => {
        await rowAction(page, 'Sandbox Test', 'Delete');
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('button', { name: 'Delete', exact: true }).waitFor();
        expect((await dialog.getByRole('button', { name: 'OK', exact: true }).count()) === 0, 'the dialog says OK');
        expect((await dialog.getByText('Sandbox Test').count()) > 0, 'the dialog does not name the configuration');
        await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
        await toast(page, 'Configuration deleted');
        await page.getByText('Sandbox Test', { exact: true }).waitFor({ state: 'detached' });
    });
    await run.step('Editor: headings above their groups, tables aligned, checkboxes spaced', page, async () => {
        await open(page, base, '/configurations/edit');
        await expectHeadingsAbove(page);
        for (const label of ['Search', 'for', 'Available Members', 'Assigned Members']) {
            // eslint-disable-next-line no-await-in-loop
            expect((await page.getByText(label, { exact: true }).count()) > 0, `the member picker has no "${label}" label`);
        }
        const contact = page.locator('c-exchange-sync-field-mappings[data-id="contactMappings"] lightning-combobox').first();
        const event = page.locator('c-exchange-sync-field-mappings[data-id="eventMappings"] lightning-combobox').first();
        const [c, e] = [await box(contact), await box(event)];
        expect(Math.abs(c.x - e.x) < 1 && Math.abs(c.width - e.width) < 1, `mapping columns differ: contact x=${c.x} w=${c.width}, event x=${e.x} w=${e.width}`);
        for (const label of ['Active', 'Sync private events']) {
            const checkbox = page.locator('.checkbox-row', { hasText: label });
            const previous = checkbox.locator('xpath=preceding-sibling::*[1]');
            // eslint-disable-next-line no-await-in-loop
            const space = gap(await box(previous), await box(checkbox));
            expect(space >= 8, `"${label}" is ${space}px below the field above (want at least 8px)`);
        }
        const direction = await box(field(page, 'Contact Sync Direction'));
        const matchSpace = gap(direction, await box(page.locator('.match-preference lightning-radio-group')));
        expect(matchSpace >= 8, `the contact match choice is ${matchSpace}px below Contact Sync Direction (want at least 8px)`);
        await page.getByText('= Required Information').waitFor();
        await run.shot(page, 'configuration-editor');
    });
}
