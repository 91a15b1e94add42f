import { createElement } from '@lwc/engine-dom';
import ExchangeSyncConfirm from 'c/exchangeSyncConfirm';
import ExchangeSyncStatus from 'c/exchangeSyncStatus';
import getSystemStatus from '@salesforce/apex/ExchangeSyncStatusController.getSystemStatus';
import searchUsers from '@salesforce/apex/ExchangeSyncStatusController.searchUsers';
import getUserStatus from '@salesforce/apex/ExchangeSyncStatusController.getUserStatus';
import resetSync from '@salesforce/apex/ExchangeSyncStatusController.resetSync';

const mockSystemStatus = require('./data/systemStatus.json');
const mockUsers = require('./data/users.json');
const mockUserStatus = require('./data/userStatus.json');
const mockUserStatusMarkedForReset = require('./data/userStatusMarkedForReset.json');

jest.mock(
    '@salesforce/apex/ExchangeSyncStatusController.getSystemStatus',
    () => ({ default: jest.fn() }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncStatusController.searchUsers',
    () => ({ default: jest.fn() }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncStatusController.getUserStatus',
    () => ({ default: jest.fn() }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncStatusController.resetSync',
    () => ({ default: jest.fn() }),
    {
        virtual: true
    }
);

const APEX_ERROR = {
    body: { message: 'You need the Exchange Sync View Status permission' },
    ok: false,
    status: 403
};

async function flushPromises() {
    for (let i = 0; i < 10; i++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

async function renderStatus() {
    const element = createElement('c-exchange-sync-status', {
        is: ExchangeSyncStatus
    });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function query(element, selector) {
    return element.shadowRoot.querySelector(selector);
}

function sections(element, container) {
    return [
        ...element.shadowRoot.querySelectorAll(
            `.${container} c-exchange-sync-status-section`
        )
    ].map((section) => section.section);
}

function rowOf(sectionList, key) {
    return sectionList
        .flatMap((section) => section.rows)
        .find((row) => row.key === key);
}

async function search(element, term) {
    const input = query(element, 'lightning-input[data-id="searchTerm"]');
    input.value = term;
    input.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    query(element, 'lightning-button[data-id="search"]').click();
    await flushPromises();
}

async function selectUser(element, userId) {
    query(element, 'lightning-combobox[data-id="user"]').dispatchEvent(
        new CustomEvent('change', { detail: { value: userId } })
    );
    await flushPromises();
}

describe('c-exchange-sync-status', () => {
    beforeEach(() => {
        jest.useFakeTimers({ now: new Date('2025-11-25T10:10:00.000Z') });
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.restoreAllMocks();
        jest.useRealTimers();
    });

    describe('system sync status', () => {
        it('shows a spinner while loading', () => {
            getSystemStatus.mockReturnValue(new Promise(() => {}));
            const element = createElement('c-exchange-sync-status', {
                is: ExchangeSyncStatus
            });
            document.body.appendChild(element);
            expect(query(element, '.system lightning-spinner')).not.toBeNull();
        });

        it('renders tables 1-3 with each value and what it means', async () => {
            getSystemStatus.mockResolvedValue(mockSystemStatus);
            const element = await renderStatus();

            expect(query(element, '.system lightning-spinner')).toBeNull();
            const system = sections(element, 'system');
            expect(system.map((s) => s.title)).toEqual([
                'Configuration Setup',
                'Contacts',
                'Events'
            ]);
            expect(rowOf(system, 'users-in-configurations').value).toBe('12');
            expect(
                rowOf(system, 'users-with-linked-addresses').meaning
            ).toMatch(/^Some of your users/);
            // 5 minutes before "now": within the last few minutes
            expect(rowOf(system, 'contacts-last-activity').meaning).toContain(
                'syncing records as expected'
            );
            // 26 hours before "now": a past date
            expect(rowOf(system, 'events-last-activity').meaning).toContain(
                "doesn't sync again within 24 hours"
            );
            expect(rowOf(system, 'events-last-60-minutes').value).toBe('0');
        });

        it('says so when no system status was reported yet', async () => {
            getSystemStatus.mockResolvedValue({ found: false });
            const element = await renderStatus();
            expect(query(element, '.system-not-found')).not.toBeNull();
            expect(sections(element, 'system')).toHaveLength(0);
        });

        it('shows an error when the system status cannot be loaded, and refreshes', async () => {
            getSystemStatus
                .mockRejectedValueOnce(APEX_ERROR)
                .mockResolvedValueOnce(mockSystemStatus);
            const element = await renderStatus();
            expect(query(element, 'c-error-panel.system-error').errors).toEqual(
                APEX_ERROR
            );

            query(element, 'lightning-button[data-id="refresh"]').click();
            await flushPromises();
            expect(getSystemStatus).toHaveBeenCalledTimes(2);
            expect(query(element, 'c-error-panel.system-error')).toBeNull();
            expect(sections(element, 'system')).toHaveLength(3);
        });
    });

    describe('user sync status', () => {
        beforeEach(() => {
            getSystemStatus.mockResolvedValue(mockSystemStatus);
        });

        it('searches users and shows the selected user status (tables 4-6)', async () => {
            searchUsers.mockResolvedValue(mockUsers);
            getUserStatus.mockResolvedValue(mockUserStatus);
            const element = await renderStatus();

            await search(element, 'Celia');
            expect(searchUsers).toHaveBeenCalledWith({ term: 'Celia' });
            const combobox = query(
                element,
                'lightning-combobox[data-id="user"]'
            );
            expect(combobox.label).toBe('User');
            expect(combobox.options).toEqual(mockUsers);
            expect(getUserStatus).not.toHaveBeenCalled();

            await selectUser(element, '005000000000001AAA');
            expect(getUserStatus).toHaveBeenCalledWith({
                userId: '005000000000001AAA'
            });
            expect(query(element, '.user-name').textContent).toBe('Celia Kung');
            const user = sections(element, 'user');
            expect(user.map((s) => s.title)).toEqual([
                'Configuration Setup',
                'Contacts',
                'Events'
            ]);
            expect(rowOf(user, 'recognized').value).toBe('No');
            expect(rowOf(user, 'contacts-to-salesforce').meaning).toContain(
                'for the first time'
            );
            expect(rowOf(user, 'reset-status')).toBeUndefined();
        });

        it('searches on Enter and shows the status of a single match right away', async () => {
            searchUsers.mockResolvedValue([mockUsers[0]]);
            getUserStatus.mockResolvedValue(mockUserStatus);
            const element = await renderStatus();

            const input = query(
                element,
                'lightning-input[data-id="searchTerm"]'
            );
            input.value = 'Celia Kung';
            input.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
            await flushPromises();

            expect(searchUsers).toHaveBeenCalledWith({ term: 'Celia Kung' });
            expect(getUserStatus).toHaveBeenCalledWith({
                userId: '005000000000001AAA'
            });
            expect(sections(element, 'user')).toHaveLength(3);
        });

        it("explains a user's events for the org's Exchange type", async () => {
            getSystemStatus.mockResolvedValue(
                require('./data/systemStatusGraph.json')
            );
            searchUsers.mockResolvedValue([mockUsers[0]]);
            getUserStatus.mockResolvedValue(mockUserStatus);
            const element = await renderStatus();
            await search(element, 'Celia');
            expect(
                rowOf(sections(element, 'user'), 'events-in-sync').meaning
            ).toContain("Invitees don't sync with Exchange Online");
        });

        it('says so when no user matches', async () => {
            searchUsers.mockResolvedValue([]);
            const element = await renderStatus();
            await search(element, 'Nobody');
            expect(query(element, '.no-users').textContent).toContain('Nobody');
            expect(query(element, 'lightning-combobox')).toBeNull();
        });

        it('says so when the user has no sync status yet', async () => {
            searchUsers.mockResolvedValue([mockUsers[0]]);
            getUserStatus.mockResolvedValue({ found: false });
            const element = await renderStatus();
            await search(element, 'Celia');
            expect(query(element, '.user-not-found').textContent).toContain(
                'Celia Kung'
            );
        });

        it('shows an error when the search fails', async () => {
            searchUsers.mockRejectedValue(APEX_ERROR);
            const element = await renderStatus();
            await search(element, 'Celia');
            expect(query(element, 'c-error-panel.user-error').errors).toEqual(
                APEX_ERROR
            );
        });

        it('shows an error when the user status cannot be loaded', async () => {
            searchUsers.mockResolvedValue([mockUsers[0]]);
            getUserStatus.mockRejectedValue(APEX_ERROR);
            const element = await renderStatus();
            await search(element, 'Celia');
            expect(query(element, 'c-error-panel.user-error').errors).toEqual(
                APEX_ERROR
            );
        });

        it('resets sync after confirmation and shows the reset status', async () => {
            searchUsers.mockResolvedValue([mockUsers[0]]);
            getUserStatus.mockResolvedValue(mockUserStatus);
            resetSync.mockResolvedValue(mockUserStatusMarkedForReset);
            const confirm = jest
                .spyOn(ExchangeSyncConfirm, 'open')
                .mockResolvedValue(true);
            const element = await renderStatus();
            const toastHandler = jest.fn();
            element.addEventListener('lightning__showtoast', toastHandler);
            await search(element, 'Celia');

            query(element, 'lightning-button[data-id="resetSync"]').click();
            await flushPromises();

            expect(confirm).toHaveBeenCalledTimes(1);
            expect(confirm.mock.calls[0][0].confirmLabel).toBe('Reset Sync');
            expect(confirm.mock.calls[0][0].message).toContain(
                'Reset sync for Celia Kung?'
            );
            expect(resetSync).toHaveBeenCalledWith({
                userId: '005000000000001AAA'
            });
            const reset = rowOf(sections(element, 'user'), 'reset-status');
            expect(reset.value).toBe('Marked for reset');
            expect(reset.meaning).toContain('system queue');
            expect(toastHandler).toHaveBeenCalledTimes(1);
            // Marked for reset: nothing more to ask for
            expect(
                query(element, 'lightning-button[data-id="resetSync"]').disabled
            ).toBe(true);
            expect(
                query(element, 'lightning-button[data-id="checkStatus"]')
                    .disabled
            ).toBe(false);
        });

        it('offers no Reset Sync for a user already marked for reset or resetting', async () => {
            searchUsers.mockResolvedValue([mockUsers[0]]);
            getUserStatus.mockResolvedValue(mockUserStatusMarkedForReset);
            const element = await renderStatus();
            await search(element, 'Celia');
            const button = query(
                element,
                'lightning-button[data-id="resetSync"]'
            );
            expect(button.disabled).toBe(true);
            expect(button.title).toContain('Marked for reset');

            getUserStatus.mockResolvedValue({
                ...mockUserStatusMarkedForReset,
                resetStatus: 'Reset in progress'
            });
            query(element, 'lightning-button[data-id="checkStatus"]').click();
            await flushPromises();
            expect(button.disabled).toBe(true);

            getUserStatus.mockResolvedValue(mockUserStatus);
            query(element, 'lightning-button[data-id="checkStatus"]').click();
            await flushPromises();
            expect(button.disabled).toBe(false);
        });

        it('does not reset sync when the confirmation is cancelled', async () => {
            searchUsers.mockResolvedValue([mockUsers[0]]);
            getUserStatus.mockResolvedValue(mockUserStatus);
            jest.spyOn(ExchangeSyncConfirm, 'open').mockResolvedValue(false);
            const element = await renderStatus();
            await search(element, 'Celia');

            query(element, 'lightning-button[data-id="resetSync"]').click();
            await flushPromises();

            expect(resetSync).not.toHaveBeenCalled();
        });

        it('shows an error when the reset fails', async () => {
            searchUsers.mockResolvedValue([mockUsers[0]]);
            getUserStatus.mockResolvedValue(mockUserStatus);
            resetSync.mockRejectedValue(APEX_ERROR);
            jest.spyOn(ExchangeSyncConfirm, 'open').mockResolvedValue(true);
            const element = await renderStatus();
            await search(element, 'Celia');

            query(element, 'lightning-button[data-id="resetSync"]').click();
            await flushPromises();

            expect(query(element, 'c-error-panel.user-error').errors).toEqual(
                APEX_ERROR
            );
        });
    });
});
