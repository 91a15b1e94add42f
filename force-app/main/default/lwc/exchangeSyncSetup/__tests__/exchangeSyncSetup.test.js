import { createElement } from '@lwc/engine-dom';
import ExchangeSyncSetup from 'c/exchangeSyncSetup';
import getSetup from '@salesforce/apex/ExchangeSyncSetupController.getSetup';
import saveSetup from '@salesforce/apex/ExchangeSyncSetupController.saveSetup';
import requestConnectionTest from '@salesforce/apex/ExchangeSyncSetupController.requestConnectionTest';
import getConnectionTest from '@salesforce/apex/ExchangeSyncSetupController.getConnectionTest';

const mockSetup = require('./data/setup.json');
const mockSetupGraph = require('./data/setupGraph.json');
const mockTestGraphPassed = require('./data/connectionTestGraphPassed.json');
const mockTestRunning = require('./data/connectionTestRunning.json');
const mockTestFailed = require('./data/connectionTestFailed.json');
const mockTestPassed = require('./data/connectionTestPassed.json');

jest.mock(
    '@salesforce/apex/ExchangeSyncSetupController.getSetup',
    () => ({ default: jest.fn() }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncSetupController.saveSetup',
    () => ({ default: jest.fn() }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncSetupController.requestConnectionTest',
    () => ({ default: jest.fn() }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncSetupController.getConnectionTest',
    () => ({ default: jest.fn() }),
    {
        virtual: true
    }
);

const APEX_ERROR = {
    body: { message: 'Insufficient privileges to manage Exchange Sync' },
    ok: false,
    status: 400
};
const TEST_ID = 'a0C000000000001AAA';

// Settles resolved Apex promises and the re-render that follows; works under fake timers
async function flushPromises() {
    for (let i = 0; i < 10; i++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

async function renderSetup() {
    const element = createElement('c-exchange-sync-setup', {
        is: ExchangeSyncSetup
    });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function query(element, selector) {
    return element.shadowRoot.querySelector(selector);
}

function change(input, value) {
    input.value = value;
    input.dispatchEvent(new CustomEvent('change'));
}

describe('c-exchange-sync-setup', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('renders the stored setup and never a password', async () => {
        getSetup.mockResolvedValue(mockSetup);
        const element = await renderSetup();

        expect(
            query(element, 'lightning-input[data-id="enabled"]').checked
        ).toBe(true);
        expect(
            query(element, 'lightning-input[data-id="username"]').value
        ).toBe('svcacct@awcomputing.com');
        expect(
            query(element, 'lightning-input[data-id="additionalDomains"]').value
        ).toBe('awcomputing.net');
        const password = query(element, 'lightning-input[data-id="password"]');
        expect(password.type).toBe('password');
        expect(password.value).toBe('');
        expect(query(element, '.password-stored').textContent).toContain(
            'A password is stored'
        );
        expect(query(element, 'lightning-spinner')).toBeNull();
        expect(query(element, 'c-error-panel')).toBeNull();
    });

    it('labels every input', async () => {
        getSetup.mockResolvedValue(mockSetup);
        const element = await renderSetup();
        element.shadowRoot
            .querySelectorAll('lightning-input')
            .forEach((input) => {
                expect(input.label).toBeTruthy();
            });
    });

    it('shows a spinner while loading', () => {
        getSetup.mockReturnValue(new Promise(() => {}));
        const element = createElement('c-exchange-sync-setup', {
            is: ExchangeSyncSetup
        });
        document.body.appendChild(element);
        expect(query(element, 'lightning-spinner')).not.toBeNull();
    });

    it('hides the stored-password note when none is stored', async () => {
        getSetup.mockResolvedValue({ ...mockSetup, passwordStored: false });
        const element = await renderSetup();
        expect(query(element, '.password-stored')).toBeNull();
    });

    it('shows an error when the setup cannot be loaded', async () => {
        getSetup.mockRejectedValue(APEX_ERROR);
        const element = await renderSetup();
        const panel = query(element, 'c-error-panel');
        expect(panel).not.toBeNull();
        expect(panel.errors).toEqual(APEX_ERROR);
    });

    it('saves the edited setup with a new password and clears the password input', async () => {
        getSetup.mockResolvedValue({ ...mockSetup, passwordStored: false });
        saveSetup.mockResolvedValue(mockSetup);
        const element = await renderSetup();
        const toastHandler = jest.fn();
        element.addEventListener('lightning__showtoast', toastHandler);

        const toggle = query(element, 'lightning-input[data-id="enabled"]');
        toggle.checked = false;
        toggle.dispatchEvent(new CustomEvent('change'));
        change(
            query(element, 'lightning-input[data-id="username"]'),
            'awcomputing.com\\svcacct'
        );
        change(query(element, 'lightning-input[data-id="password"]'), 's3cret');
        change(
            query(element, 'lightning-input[data-id="additionalDomains"]'),
            'awcomputing.net,aw.example'
        );
        change(
            query(element, 'lightning-input[data-id="exchangeEndpoint"]'),
            'https://mail.awcomputing.com/EWS/Exchange.asmx'
        );
        query(element, 'lightning-button[data-id="save"]').click();
        await flushPromises();

        expect(saveSetup).toHaveBeenCalledWith({
            enabled: false,
            exchangeType: 'Exchange Server (EWS)',
            tenantId: '',
            applicationId: '',
            username: 'awcomputing.com\\svcacct',
            password: 's3cret',
            additionalDomains: 'awcomputing.net,aw.example',
            exchangeEndpoint: 'https://mail.awcomputing.com/EWS/Exchange.asmx'
        });
        expect(
            query(element, 'lightning-input[data-id="password"]').value
        ).toBe('');
        expect(query(element, '.password-stored')).not.toBeNull();
        expect(toastHandler).toHaveBeenCalledTimes(1);
        expect(toastHandler.mock.calls[0][0].detail.variant).toBe('success');
    });

    it('keeps the stored password when the password input is empty', async () => {
        getSetup.mockResolvedValue(mockSetup);
        saveSetup.mockResolvedValue(mockSetup);
        const element = await renderSetup();

        query(element, 'lightning-button[data-id="save"]').click();
        await flushPromises();

        expect(saveSetup).toHaveBeenCalledWith(
            expect.objectContaining({ password: null })
        );
    });

    it('shows an error when the setup cannot be saved', async () => {
        getSetup.mockResolvedValue(mockSetup);
        saveSetup.mockRejectedValue(APEX_ERROR);
        const element = await renderSetup();

        query(element, 'lightning-button[data-id="save"]').click();
        await flushPromises();

        expect(query(element, 'c-error-panel.setup-error').errors).toEqual(
            APEX_ERROR
        );
    });

    describe('Exchange Online (Microsoft Graph)', () => {
        it('offers both Exchange types, EWS by default', async () => {
            getSetup.mockResolvedValue({ ...mockSetup, exchangeType: null });
            const element = await renderSetup();
            const type = query(
                element,
                'lightning-combobox[data-id="exchangeType"]'
            );
            expect(type.label).toBe('Exchange Type');
            expect(type.options.map((o) => o.value)).toEqual([
                'Exchange Server (EWS)',
                'Exchange Online (Microsoft Graph)'
            ]);
            expect(type.value).toBe('Exchange Server (EWS)');
            expect(
                query(element, 'lightning-input[data-id="tenantId"]')
            ).toBeNull();
            expect(
                query(element, 'c-exchange-sync-graph-setup-steps')
            ).toBeNull();
        });

        it('asks the tenant and application IDs and hides the service account', async () => {
            getSetup.mockResolvedValue(mockSetupGraph);
            const element = await renderSetup();

            const tenant = query(
                element,
                'lightning-input[data-id="tenantId"]'
            );
            const application = query(
                element,
                'lightning-input[data-id="applicationId"]'
            );
            expect(tenant.label).toBe('Tenant ID');
            expect(tenant.required).toBe(true);
            expect(tenant.value).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
            expect(application.label).toBe('Application (Client) ID');
            expect(application.required).toBe(true);
            expect(application.value).toBe(
                '8f0c2a1e-4b6d-4f3a-9c1b-2d7e5a6f9b30'
            );
            [
                'username',
                'password',
                'additionalDomains',
                'exchangeEndpoint'
            ].forEach((id) =>
                expect(
                    query(element, `lightning-input[data-id="${id}"]`)
                ).toBeNull()
            );
            expect(query(element, '.service-account-status')).toBeNull();
            expect(query(element, '.graph-key-note').textContent).toContain(
                'EXSYNC_GRAPH_CERTIFICATE_FILE'
            );
            expect(
                query(element, 'c-exchange-sync-graph-setup-steps')
            ).not.toBeNull();
            expect(query(element, '.test-help').textContent).toContain(
                "application's management scope"
            );
        });

        it('switches the fields with the Exchange type and saves the Graph setup', async () => {
            getSetup.mockResolvedValue({ ...mockSetup, passwordStored: false });
            saveSetup.mockResolvedValue(mockSetupGraph);
            const element = await renderSetup();

            query(
                element,
                'lightning-combobox[data-id="exchangeType"]'
            ).dispatchEvent(
                new CustomEvent('change', {
                    detail: { value: 'Exchange Online (Microsoft Graph)' }
                })
            );
            await flushPromises();
            expect(
                query(element, 'lightning-input[data-id="username"]')
            ).toBeNull();
            change(
                query(element, 'lightning-input[data-id="tenantId"]'),
                'awcomputing.onmicrosoft.com'
            );
            change(
                query(element, 'lightning-input[data-id="applicationId"]'),
                '8f0c2a1e-4b6d-4f3a-9c1b-2d7e5a6f9b30'
            );
            query(element, 'lightning-button[data-id="save"]').click();
            await flushPromises();

            expect(saveSetup).toHaveBeenCalledWith({
                enabled: true,
                exchangeType: 'Exchange Online (Microsoft Graph)',
                tenantId: 'awcomputing.onmicrosoft.com',
                applicationId: '8f0c2a1e-4b6d-4f3a-9c1b-2d7e5a6f9b30',
                username: 'svcacct@awcomputing.com',
                password: null,
                additionalDomains: 'awcomputing.net',
                exchangeEndpoint: ''
            });
            expect(
                query(element, 'lightning-input[data-id="tenantId"]').value
            ).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
        });

        it("shows whatever checks the middleware reports, such as Graph's", async () => {
            jest.useFakeTimers();
            getSetup.mockResolvedValue(mockSetupGraph);
            requestConnectionTest.mockResolvedValue(TEST_ID);
            getConnectionTest.mockResolvedValue(mockTestGraphPassed);
            const element = await renderSetup();

            change(
                query(element, 'lightning-input[data-id="testEmail"]'),
                'celia.kung@awcomputing.com'
            );
            await flushPromises();
            query(element, 'lightning-button[data-id="test"]').click();
            await flushPromises();
            jest.advanceTimersByTime(2000);
            await flushPromises();

            const checks = [...element.shadowRoot.querySelectorAll('li.check')];
            expect(
                checks.map(
                    (check) => check.querySelector('.check-name').textContent
                )
            ).toEqual([
                'Token',
                'Permissions',
                'Mailbox in scope',
                'Contacts folder',
                'Calendar'
            ]);
            checks.forEach((check) => {
                expect(check.dataset.status).toBe('Passed');
                expect(check.querySelector('lightning-icon').iconName).toBe(
                    'utility:success'
                );
            });
            expect(query(element, '.test-status').textContent).toContain(
                'passed'
            );
        });
    });

    it("carries the help for the worker's Salesforce sign-in, for both types", async () => {
        getSetup.mockResolvedValue(mockSetup);
        const element = await renderSetup();
        expect(
            query(element, 'c-exchange-sync-worker-sign-in-help')
        ).not.toBeNull();
    });

    it('reads check statuses in any case: Passed and PASSED alike', async () => {
        jest.useFakeTimers();
        getSetup.mockResolvedValue(mockSetup);
        requestConnectionTest.mockResolvedValue(TEST_ID);
        getConnectionTest.mockResolvedValue({
            ...mockTestPassed,
            results: JSON.stringify([
                { name: 'A', status: 'Passed', message: 'a', suggestion: '' },
                {
                    name: 'B',
                    status: 'failed',
                    message: 'b',
                    suggestion: 'Fix b'
                },
                { name: 'C', status: 'RUNNING', message: 'c', suggestion: '' }
            ])
        });
        const element = await renderSetup();
        change(
            query(element, 'lightning-input[data-id="testEmail"]'),
            'celia.kung@awcomputing.com'
        );
        await flushPromises();
        query(element, 'lightning-button[data-id="test"]').click();
        await flushPromises();
        jest.advanceTimersByTime(2000);
        await flushPromises();
        const states = [...element.shadowRoot.querySelectorAll('li.check')].map(
            (check) => [
                check.dataset.status,
                check.querySelector('lightning-icon').iconName
            ]
        );
        expect(states).toEqual([
            ['Passed', 'utility:success'],
            ['Failed', 'utility:error'],
            ['Pending', 'utility:clock']
        ]);
        expect(query(element, '.check-suggestion').textContent).toBe('Fix b');
    });

    describe('connection test', () => {
        it('disables Test until an email is entered', async () => {
            getSetup.mockResolvedValue(mockSetup);
            const element = await renderSetup();
            const button = query(element, 'lightning-button[data-id="test"]');
            expect(button.disabled).toBe(true);
            change(
                query(element, 'lightning-input[data-id="testEmail"]'),
                'celia.kung@awcomputing.com'
            );
            await flushPromises();
            expect(button.disabled).toBe(false);
        });

        it('requests a test, polls every 2 s and renders each check as it arrives', async () => {
            jest.useFakeTimers();
            getSetup.mockResolvedValue(mockSetup);
            requestConnectionTest.mockResolvedValue(TEST_ID);
            getConnectionTest
                .mockResolvedValueOnce(mockTestRunning)
                .mockResolvedValueOnce(mockTestFailed);
            const element = await renderSetup();

            change(
                query(element, 'lightning-input[data-id="testEmail"]'),
                'celia.kung@awcomputing.com'
            );
            await flushPromises();
            query(element, 'lightning-button[data-id="test"]').click();
            await flushPromises();

            expect(requestConnectionTest).toHaveBeenCalledWith({
                email: 'celia.kung@awcomputing.com'
            });
            expect(getConnectionTest).not.toHaveBeenCalled();
            expect(query(element, '.test-status').textContent).toContain(
                'requested'
            );
            expect(
                query(element, '.test-status lightning-spinner')
            ).not.toBeNull();

            jest.advanceTimersByTime(2000);
            await flushPromises();
            expect(getConnectionTest).toHaveBeenCalledTimes(1);
            expect(getConnectionTest).toHaveBeenCalledWith({ testId: TEST_ID });
            let checks = element.shadowRoot.querySelectorAll('li.check');
            expect(checks).toHaveLength(1);
            expect(checks[0].querySelector('lightning-icon').iconName).toBe(
                'utility:success'
            );
            expect(query(element, '.test-status').textContent).toContain(
                'running'
            );

            jest.advanceTimersByTime(2000);
            await flushPromises();
            expect(getConnectionTest).toHaveBeenCalledTimes(2);
            checks = element.shadowRoot.querySelectorAll('li.check');
            expect(checks).toHaveLength(3);
            const failed = checks[1];
            expect(failed.querySelector('.check-name').textContent).toBe(
                'Impersonation'
            );
            expect(failed.querySelector('lightning-icon').iconName).toBe(
                'utility:error'
            );
            expect(failed.querySelector('lightning-icon').alternativeText).toBe(
                'Failed'
            );
            expect(
                failed.querySelector('.check-suggestion').textContent
            ).toContain('ApplicationImpersonation');
            expect(checks[0].querySelector('.check-suggestion')).toBeNull();
            // A check not run because an earlier one failed
            expect(checks[2].dataset.status).toBe('Skipped');
            expect(checks[2].querySelector('lightning-icon').iconName).toBe(
                'utility:dash'
            );
            expect(checks[2].querySelector('.check-suggestion')).toBeNull();
            expect(query(element, '.test-status').textContent).toContain(
                'failed'
            );
            expect(query(element, '.test-status lightning-spinner')).toBeNull();

            // Finished: no more polling
            jest.advanceTimersByTime(10000);
            await flushPromises();
            expect(getConnectionTest).toHaveBeenCalledTimes(2);
        });

        it('shows no suggestion for a passed check', async () => {
            jest.useFakeTimers();
            getSetup.mockResolvedValue(mockSetup);
            requestConnectionTest.mockResolvedValue(TEST_ID);
            getConnectionTest.mockResolvedValue(mockTestPassed);
            const element = await renderSetup();

            change(
                query(element, 'lightning-input[data-id="testEmail"]'),
                'celia.kung@awcomputing.com'
            );
            await flushPromises();
            query(element, 'lightning-button[data-id="test"]').click();
            await flushPromises();
            jest.advanceTimersByTime(2000);
            await flushPromises();

            expect(query(element, '.test-status').textContent).toContain(
                'passed'
            );
            expect(query(element, '.check-suggestion')).toBeNull();
        });

        it('stops polling when the component is removed', async () => {
            jest.useFakeTimers();
            getSetup.mockResolvedValue(mockSetup);
            requestConnectionTest.mockResolvedValue(TEST_ID);
            getConnectionTest.mockResolvedValue(mockTestRunning);
            const element = await renderSetup();

            change(
                query(element, 'lightning-input[data-id="testEmail"]'),
                'celia.kung@awcomputing.com'
            );
            await flushPromises();
            query(element, 'lightning-button[data-id="test"]').click();
            await flushPromises();
            document.body.removeChild(element);
            jest.advanceTimersByTime(10000);
            await flushPromises();

            expect(getConnectionTest).not.toHaveBeenCalled();
        });

        it('shows an error when the test cannot be requested', async () => {
            getSetup.mockResolvedValue(mockSetup);
            requestConnectionTest.mockRejectedValue(APEX_ERROR);
            const element = await renderSetup();

            change(
                query(element, 'lightning-input[data-id="testEmail"]'),
                'celia.kung@awcomputing.com'
            );
            await flushPromises();
            query(element, 'lightning-button[data-id="test"]').click();
            await flushPromises();

            expect(query(element, 'c-error-panel.test-error').errors).toEqual(
                APEX_ERROR
            );
            expect(query(element, '.test-status lightning-spinner')).toBeNull();
        });

        it('shows an error and stops when reading the test fails', async () => {
            jest.useFakeTimers();
            getSetup.mockResolvedValue(mockSetup);
            requestConnectionTest.mockResolvedValue(TEST_ID);
            getConnectionTest.mockRejectedValue(APEX_ERROR);
            const element = await renderSetup();

            change(
                query(element, 'lightning-input[data-id="testEmail"]'),
                'celia.kung@awcomputing.com'
            );
            await flushPromises();
            query(element, 'lightning-button[data-id="test"]').click();
            await flushPromises();
            jest.advanceTimersByTime(2000);
            await flushPromises();
            jest.advanceTimersByTime(10000);
            await flushPromises();

            expect(query(element, 'c-error-panel.test-error').errors).toEqual(
                APEX_ERROR
            );
            expect(getConnectionTest).toHaveBeenCalledTimes(1);
        });
    });
});
