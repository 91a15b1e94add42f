import { createElement } from '@lwc/engine-dom';
import ExchangeSyncConfirm from 'c/exchangeSyncConfirm';
import ExchangeSyncConfigurations from 'c/exchangeSyncConfigurations';
import listConfigurations from '@salesforce/apex/ExchangeSyncConfigurationController.listConfigurations';
import deleteConfiguration from '@salesforce/apex/ExchangeSyncConfigurationController.deleteConfiguration';
import getConfiguration from '@salesforce/apex/ExchangeSyncConfigurationController.getConfiguration';

const mockConfigurations = require('./data/configurations.json');

jest.mock(
    '@salesforce/apex/ExchangeSyncConfigurationController.listConfigurations',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncConfigurationController.deleteConfiguration',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncConfigurationController.getConfiguration',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncConfigurationController.saveConfiguration',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncConfigurationController.getFieldOptions',
    () => {
        const {
            createApexTestWireAdapter
        } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncConfigurationController.searchUsers',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncConfigurationController.searchProfiles',
    () => ({ default: jest.fn() }),
    { virtual: true }
);

const APEX_ERROR = {
    body: {
        message: 'You need the Exchange Sync Manage Configurations permission'
    },
    ok: false,
    status: 400
};

async function flushPromises() {
    for (let i = 0; i < 10; i++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

async function render() {
    const element = createElement('c-exchange-sync-configurations', {
        is: ExchangeSyncConfigurations
    });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function rowAction(element, name, row) {
    element.shadowRoot
        .querySelector('lightning-datatable')
        .dispatchEvent(
            new CustomEvent('rowaction', { detail: { action: { name }, row } })
        );
}

function editor(element) {
    return element.shadowRoot.querySelector(
        'c-exchange-sync-configuration-editor'
    );
}

describe('c-exchange-sync-configurations', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.restoreAllMocks();
    });

    it('shows a spinner while loading', () => {
        listConfigurations.mockReturnValue(new Promise(() => {}));
        const element = createElement('c-exchange-sync-configurations', {
            is: ExchangeSyncConfigurations
        });
        document.body.appendChild(element);
        expect(
            element.shadowRoot.querySelector('lightning-spinner')
        ).not.toBeNull();
    });

    it('lists the configurations with name, active, description, users and profiles', async () => {
        listConfigurations.mockResolvedValue(mockConfigurations);
        const element = await render();

        const table = element.shadowRoot.querySelector('lightning-datatable');
        expect(table.data).toEqual(mockConfigurations);
        expect(table.columns.map((c) => c.fieldName).filter(Boolean)).toEqual([
            'name',
            'active',
            'description',
            'userCount',
            'profileCount'
        ]);
        expect(
            table.columns[5].typeAttributes.rowActions.map((a) => a.label)
        ).toEqual(['Edit', 'Delete']);
        expect(
            element.shadowRoot.querySelector('lightning-spinner')
        ).toBeNull();
    });

    it('says so when there are no configurations', async () => {
        listConfigurations.mockResolvedValue([]);
        const element = await render();
        expect(
            element.shadowRoot.querySelector('.no-configurations')
        ).not.toBeNull();
        expect(
            element.shadowRoot.querySelector('lightning-datatable')
        ).toBeNull();
    });

    it('shows an error when the configurations cannot be loaded', async () => {
        listConfigurations.mockRejectedValue(APEX_ERROR);
        const element = await render();
        expect(
            element.shadowRoot.querySelector('c-error-panel').errors
        ).toEqual(APEX_ERROR);
        expect(
            element.shadowRoot.querySelector('.no-configurations')
        ).toBeNull();
    });

    it('opens an empty editor for New and returns to the list on cancel', async () => {
        listConfigurations.mockResolvedValue(mockConfigurations);
        const element = await render();

        element.shadowRoot
            .querySelector('lightning-button[data-id="new"]')
            .click();
        await flushPromises();
        expect(editor(element)).not.toBeNull();
        expect(editor(element).configurationId).toBeUndefined();
        expect(
            element.shadowRoot.querySelector('lightning-datatable')
        ).toBeNull();

        editor(element).dispatchEvent(new CustomEvent('cancel'));
        await flushPromises();
        expect(editor(element)).toBeNull();
        expect(
            element.shadowRoot.querySelector('lightning-datatable')
        ).not.toBeNull();
        expect(listConfigurations).toHaveBeenCalledTimes(1);
    });

    it('opens the editor for Edit and reloads the list after save', async () => {
        listConfigurations.mockResolvedValue(mockConfigurations);
        getConfiguration.mockResolvedValue({});
        const element = await render();

        rowAction(element, 'edit', mockConfigurations[0]);
        await flushPromises();
        expect(editor(element).configurationId).toBe('a01000000000001AAA');

        editor(element).dispatchEvent(
            new CustomEvent('save', { detail: { id: 'a01000000000001AAA' } })
        );
        await flushPromises();
        expect(editor(element)).toBeNull();
        expect(listConfigurations).toHaveBeenCalledTimes(2);
    });

    it('deletes a configuration after confirmation and reloads the list', async () => {
        listConfigurations
            .mockResolvedValueOnce(mockConfigurations)
            .mockResolvedValueOnce([mockConfigurations[1]]);
        deleteConfiguration.mockResolvedValue(undefined);
        const confirm = jest
            .spyOn(ExchangeSyncConfirm, 'open')
            .mockResolvedValue(true);
        const element = await render();
        const toastHandler = jest.fn();
        element.addEventListener('lightning__showtoast', toastHandler);

        rowAction(element, 'delete', mockConfigurations[0]);
        await flushPromises();

        expect(confirm).toHaveBeenCalledTimes(1);
        // The dialog's button names the action, not OK
        expect(confirm.mock.calls[0][0].confirmLabel).toBe('Delete');
        expect(confirm.mock.calls[0][0].label).toBe(
            'Delete Exchange Sync Configuration'
        );
        expect(confirm.mock.calls[0][0].message).toContain(
            '"Sales Reps Europe"'
        );
        expect(deleteConfiguration).toHaveBeenCalledWith({
            configurationId: 'a01000000000001AAA'
        });
        expect(toastHandler).toHaveBeenCalledTimes(1);
        expect(
            element.shadowRoot.querySelector('lightning-datatable').data
        ).toEqual([mockConfigurations[1]]);
    });

    it('keeps the configuration when the deletion is not confirmed', async () => {
        listConfigurations.mockResolvedValue(mockConfigurations);
        jest.spyOn(ExchangeSyncConfirm, 'open').mockResolvedValue(false);
        const element = await render();

        rowAction(element, 'delete', mockConfigurations[0]);
        await flushPromises();

        expect(deleteConfiguration).not.toHaveBeenCalled();
        expect(listConfigurations).toHaveBeenCalledTimes(1);
    });

    it('shows an error when the deletion fails', async () => {
        listConfigurations.mockResolvedValue(mockConfigurations);
        deleteConfiguration.mockRejectedValue(APEX_ERROR);
        jest.spyOn(ExchangeSyncConfirm, 'open').mockResolvedValue(true);
        const element = await render();

        rowAction(element, 'delete', mockConfigurations[0]);
        await flushPromises();

        expect(
            element.shadowRoot.querySelector('c-error-panel').errors
        ).toEqual(APEX_ERROR);
        expect(
            element.shadowRoot.querySelector('lightning-spinner')
        ).toBeNull();
    });
});
