// The admin guide's Setup flows: save the setup, run a connection test and
// see each check arrive, and the Exchange Online (Microsoft Graph) setup.
import { expect, open, toast, waitUntil } from './helpers.mjs';
import { expectCardsApart, expectFieldsApart } from './layout.mjs';

const EWS_CHECKS = ['Autodiscover', 'Service account logon', 'Impersonation', 'Contacts folder', 'Salesforce_Sync folder', 'Calendar'];
const GRAPH_CHECKS = ['Token', 'Permissions', 'Mailbox in scope', 'Contacts folder', 'Calendar'];

/** How often the Setup page reads the connection test (exchangeSyncSetup's POLL_INTERVAL_MS) */
const POLL_INTERVAL_MS = 2000;

/**
 * Clicks Test and follows the checks as they arrive; returns the numbers of
 * checks seen on the way (the page shows each check the middleware writes,
 * one more on each read). Once a check has shown, the page's clock is moved
 * on to its next read rather than waiting the two seconds.
 */
async function runConnectionTest(page, email, expected) {
    await page.getByLabel('Rep Email Address').fill(email);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const checks = page.locator('li.check');
    const status = page.locator('.test-status');
    const seen = [];
    while (seen.length === 0 || seen[seen.length - 1] < expected.length) {
        const before = seen.length === 0 ? 0 : seen[seen.length - 1];
        // eslint-disable-next-line no-await-in-loop
        await waitUntil(async () => (await checks.count()) > before, `check ${before + 1} of the connection test`);
        // eslint-disable-next-line no-await-in-loop
        seen.push(await checks.count());
        if (seen[seen.length - 1] < expected.length) {
            // eslint-disable-next-line no-await-in-loop
            const running = await status.textContent();
            expect(running.includes('Connection test running'), `with ${seen[seen.length - 1]} checks the status reads "${running.trim()}"`);
            // eslint-disable-next-line no-await-in-loop
            await page.clock.fastForward(POLL_INTERVAL_MS);
        }
    }
    await status.filter({ hasText: 'Connection test passed.' }).waitFor();
    const names = await page.locator('li.check .check-name').allTextContents();
    expect(names.join('|') === expected.join('|'), `checks: ${names.join(', ')}`);
    return seen;
}

export async function checkSetup(run, page, base) {
    await run.step('Setup: save the setup', page, async () => {
        await open(page, base, '/setup');
        await expectCardsApart(page);
        await expectFieldsApart(page, ['Exchange Type', 'Service Account User Name', 'Service Account Password', 'Additional Domains', 'EWS URL (optional)']);
        await page.getByLabel('Service Account User Name').fill('awcomputing.com\\svcacct');
        await page.getByLabel('Additional Domains').fill('awcomputing.net, awcomputing.org');
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await toast(page, 'Exchange Sync setup saved');
        expect(await page.getByText('A password is stored').isVisible(), 'the stored password note is gone');
    });
    await run.step('Setup: the connection test shows each check as it arrives', page, async () => {
        const seen = await runConnectionTest(page, 'celia.kung@awcomputing.com', EWS_CHECKS);
        // One check per read, unless the machine stalls past a read now and then
        expect(seen.length >= 4, `checks arrived all at once (counts seen: ${seen.join(', ')})`);
        await run.shot(page, 'setup');
    });
    await run.step('Setup for Exchange Online: tenant, application and the Entra ID steps', page, async () => {
        await open(page, base, '/setup-graph');
        await expectCardsApart(page);
        await expectFieldsApart(page, ['Exchange Type', 'Tenant ID', 'Application (Client) ID']);
        expect((await page.getByLabel('Tenant ID').inputValue()) === '72f988bf-86f1-41af-91ab-2d7cd011db47', 'tenant ID');
        expect((await page.getByLabel('Service Account User Name').count()) === 0, 'the service account is still asked for');
        await page.getByRole('button', { name: /4\. Limit the application/ }).click();
        await page.getByText('Test-ServicePrincipalAuthorization -Identity').waitFor();
        await page.getByRole('button', { name: 'Connect the Exchange Sync worker to Salesforce' }).click();
        await page.getByText('EXSYNC_SF_PRIVATE_KEY_FILE', { exact: true }).waitFor();
        const seen = await runConnectionTest(page, 'celia.kung@awcomputing.com', GRAPH_CHECKS);
        expect(seen.length >= 3, `checks arrived all at once (counts seen: ${seen.join(', ')})`);
        await run.shot(page, 'setup-graph');
    });
}
