// The admin guide's Status flows: the system statuses (with the service
// account's user name, green Yes and red No), a user's status, and Reset Sync
// after a confirmation that names it, disabled once the user is marked.
import { choose, expect, open, toast } from './helpers.mjs';
import { expectCardsApart, iconColour } from './layout.mjs';

/** The value cells of the status tables that read `value` (their icon's alternative text aside) */
function valueCells(page, value) {
    return page.locator('td.value', { has: page.locator('.value-text', { hasText: new RegExp(`^\\s*${value}\\s*$`) }) });
}

/** Every Yes is painted green and every No red */
async function expectYesGreenNoRed(page) {
    for (const [value, colour] of [
        ['Yes', 'green'],
        ['No', 'red']
    ]) {
        const cells = valueCells(page, value);
        const count = await cells.count();
        for (let i = 0; i < count; i++) {
            // eslint-disable-next-line no-await-in-loop
            const painted = await iconColour(cells.nth(i).locator('lightning-icon'));
            expect(painted === colour, `a ${value} is ${painted}, not ${colour}`);
        }
    }
}

export async function checkStatus(run, page, base) {
    await run.step('Status: system statuses', page, async () => {
        await open(page, base, '/status');
        await expectCardsApart(page);
        await page.locator('td.value', { hasText: 'svcacct@awcomputing.com' }).first().waitFor();
        expect((await valueCells(page, 'Yes').count()) > 0, 'no Yes among the system statuses');
        await expectYesGreenNoRed(page);
    });
    await run.step("Status: check a user's status and reset sync after a confirmation", page, async () => {
        await page.getByLabel('User Name').fill('Celia');
        await page.getByRole('button', { name: 'Find', exact: true }).click();
        await choose(page, 'User', 'Celia Kung');
        await page.getByRole('button', { name: 'Check Status' }).click();
        await page.getByText('Calendar folder found').waitFor();
        expect((await valueCells(page, 'No').count()) > 0, "no No among Celia Kung's statuses");
        await expectYesGreenNoRed(page);
        const reset = page.getByRole('button', { name: 'Reset Sync', exact: true });
        expect(await reset.isEnabled(), 'Reset Sync is disabled before any reset');
        await reset.click();
        const dialog = page.getByRole('dialog');
        await dialog.getByText('Reset sync for Celia Kung?').waitFor();
        expect((await dialog.getByRole('button', { name: 'OK', exact: true }).count()) === 0, 'the dialog says OK');
        await dialog.getByRole('button', { name: 'Reset Sync', exact: true }).click();
        await toast(page, 'Sync reset requested');
        await page.getByText('Marked for reset').first().waitFor();
        expect(await reset.isDisabled(), 'Reset Sync is still clickable for a user marked for reset');
        await run.shot(page, 'status');
    });
}
