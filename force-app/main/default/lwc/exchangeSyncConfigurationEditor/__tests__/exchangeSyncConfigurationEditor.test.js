import { createElement } from '@lwc/engine-dom';
import ExchangeSyncConfigurationEditor from 'c/exchangeSyncConfigurationEditor';
import getConfiguration from '@salesforce/apex/ExchangeSyncConfigurationController.getConfiguration';
import saveConfiguration from '@salesforce/apex/ExchangeSyncConfigurationController.saveConfiguration';
import getFieldOptions from '@salesforce/apex/ExchangeSyncConfigurationController.getFieldOptions';

const mockConfiguration = require('./data/configuration.json');
const mockFieldOptions = require('./data/fieldOptions.json');

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

const CONFIGURATION_ID = 'a01000000000001AAA';
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

async function render(configurationId) {
    const element = createElement('c-exchange-sync-configuration-editor', {
        is: ExchangeSyncConfigurationEditor
    });
    element.configurationId = configurationId;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function field(element, name) {
    return element.shadowRoot.querySelector(`[data-field="${name}"]`);
}

async function setValue(element, name, value) {
    const input = field(element, name);
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flushPromises();
}

async function setChecked(element, name, checked) {
    const input = field(element, name);
    input.checked = checked;
    input.dispatchEvent(new CustomEvent('change', { detail: { checked } }));
    await flushPromises();
}

async function save(element) {
    element.shadowRoot
        .querySelector('lightning-button[data-id="save"]')
        .click();
    await flushPromises();
}

function filtersOf(element) {
    return element.shadowRoot.querySelector(
        'c-exchange-sync-contact-filters[data-id="contactFilters"]'
    );
}

/** The controls of the filter rows, inside the child component */
function filterControls(element, name) {
    return Array.from(
        filtersOf(element).shadowRoot.querySelectorAll(`[data-field="${name}"]`)
    );
}

async function changeControl(control, value) {
    control.value = value;
    control.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flushPromises();
}

function savedPayload() {
    return JSON.parse(saveConfiguration.mock.calls[0][0].configurationJson);
}

describe('c-exchange-sync-configuration-editor', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('starts a new configuration with the picklist defaults', async () => {
        const element = await render(undefined);

        expect(getConfiguration).not.toHaveBeenCalled();
        expect(element.shadowRoot.querySelector('lightning-card').title).toBe(
            'New Exchange Sync Configuration'
        );
        expect(field(element, 'contactSyncDirection').value).toBe("Don't sync");
        expect(
            field(element, 'contactSyncDirection').options.map((o) => o.value)
        ).toEqual([
            "Don't sync",
            'Salesforce to Exchange',
            'Exchange to Salesforce',
            'Both directions'
        ]);
        expect(
            field(element, 'contactConflictBehavior').options.map(
                (o) => o.value
            )
        ).toEqual(['Salesforce wins', 'Exchange wins']);
        expect(
            field(element, 'contactMatchPreference').options.map((o) => o.value)
        ).toEqual([
            'Has the most recent activity',
            'Was last updated',
            'Has the oldest creation date'
        ]);
        expect(
            field(element, 'contactScope').options.map((o) => o.value)
        ).toEqual(['Selected Contacts', 'All Contacts']);
        expect(
            field(element, 'eventFilter').options.map((o) => o.value)
        ).toEqual(['TODAY', 'LAST MONTH', 'LAST N DAYS']);
        expect(field(element, 'eventFilter').value).toBe('TODAY');
        expect(field(element, 'eventFilterDays')).toBeNull();
        expect(
            element.shadowRoot.querySelector('lightning-spinner')
        ).toBeNull();
    });

    it('labels every control', async () => {
        getConfiguration.mockResolvedValue(mockConfiguration);
        const element = await render(CONFIGURATION_ID);
        const controls = element.shadowRoot.querySelectorAll(
            'lightning-input, lightning-combobox, lightning-textarea, lightning-radio-group'
        );
        expect(controls.length).toBeGreaterThan(10);
        controls.forEach((control) => expect(control.label).toBeTruthy());
    });

    it('marks Contact Filters as required information, as the guide does', async () => {
        const element = await render(undefined);
        const title = element.shadowRoot.querySelector(
            '.contact-filters-title'
        );
        expect(title.querySelector('h3').textContent).toBe('Contact Filters');
        expect(title.querySelector('.required-legend').textContent).toMatch(
            /\*\s*= Required Information/
        );
        expect(field(element, 'contactScope').required).toBe(true);
        expect(field(element, 'contactScope').label).toBe('Sync');
        const groups = [
            ...element.shadowRoot.querySelectorAll('.group-heading')
        ].map((heading) => heading.textContent.trim());
        expect(groups).toContain('Filter By Record Ownership');
    });

    it('loads and renders an existing configuration', async () => {
        getConfiguration.mockResolvedValue(mockConfiguration);
        const element = await render(CONFIGURATION_ID);
        getFieldOptions.emit(mockFieldOptions);
        await flushPromises();

        expect(getConfiguration).toHaveBeenCalledWith({
            configurationId: CONFIGURATION_ID
        });
        expect(field(element, 'name').value).toBe('Sales Reps Europe');
        expect(field(element, 'active').checked).toBe(true);
        expect(field(element, 'contactMatchPreference').value).toBe(
            'Was last updated'
        );
        expect(
            filtersOf(element).filters.map(({ field: f, operator, value }) => ({
                field: f,
                operator,
                value
            }))
        ).toEqual([
            { field: 'MailingCountry', operator: 'EQUALS', value: 'Germany' },
            { field: 'Title', operator: 'CONTAINS', value: 'Sales' }
        ]);
        expect(field(element, 'eventSyncDirection').value).toBe(
            'Exchange to Salesforce'
        );
        expect(field(element, 'eventFilterDays').value).toBe(30);

        // One picker holds users and profiles, as in the guide
        expect(
            element.shadowRoot.querySelector('c-exchange-sync-member-picker')
                .selected
        ).toEqual([
            {
                memberType: 'User',
                value: '005000000000001AAA',
                label: 'Celia Kung'
            },
            {
                memberType: 'Profile',
                value: '00e000000000001AAA',
                label: 'Sales Rep'
            }
        ]);

        const contactMappings = element.shadowRoot.querySelector(
            'c-exchange-sync-field-mappings[data-id="contactMappings"]'
        );
        expect(contactMappings.mappings.map((m) => m.salesforceField)).toEqual([
            'FirstName'
        ]);
        expect(contactMappings.salesforceFieldOptions).toEqual(
            mockFieldOptions.Contact
        );
        const eventMappings = element.shadowRoot.querySelector(
            'c-exchange-sync-field-mappings[data-id="eventMappings"]'
        );
        expect(eventMappings.mappings.map((m) => m.exchangeField)).toEqual([
            'subject'
        ]);
        expect(eventMappings.salesforceFieldOptions).toEqual(
            mockFieldOptions.Event
        );
    });

    it('shows the number of days only for LAST N DAYS', async () => {
        const element = await render(undefined);
        await setValue(element, 'eventFilter', 'LAST N DAYS');
        const days = field(element, 'eventFilterDays');
        expect(days).not.toBeNull();
        expect(days.label).toBe('Number of Days (N)');
        expect(days.min).toBe('1');
        expect(days.max).toBe(180);

        await setValue(element, 'eventFilter', 'LAST MONTH');
        expect(field(element, 'eventFilterDays')).toBeNull();
    });

    it("warns when Selected Contacts is chosen without User's Records", async () => {
        const element = await render(undefined);
        expect(
            element.shadowRoot.querySelector('.ownership-warning')
        ).toBeNull();
        await setChecked(element, 'contactUsersRecords', false);
        expect(
            element.shadowRoot.querySelector('.ownership-warning')
        ).not.toBeNull();
        await setValue(element, 'contactScope', 'All Contacts');
        expect(
            element.shadowRoot.querySelector('.ownership-warning')
        ).toBeNull();
    });

    it('saves a new configuration as JSON and fires save', async () => {
        saveConfiguration.mockResolvedValue('a01000000000009AAA');
        const element = await render(undefined);
        const saveHandler = jest.fn();
        const toastHandler = jest.fn();
        element.addEventListener('save', saveHandler);
        element.addEventListener('lightning__showtoast', toastHandler);

        await setValue(element, 'name', ' Sales Reps Asia ');
        await setValue(element, 'description', 'Reps in Asia');
        await setValue(
            element,
            'contactSyncDirection',
            'Salesforce to Exchange'
        );
        await setValue(element, 'contactConflictBehavior', 'Exchange wins');
        await setValue(
            element,
            'contactMatchPreference',
            'Has the oldest creation date'
        );
        await setValue(element, 'contactScope', 'All Contacts');
        await setValue(element, 'eventSyncDirection', 'Both directions');
        await setChecked(element, 'syncPrivateEvents', true);
        await setValue(element, 'eventFilter', 'LAST N DAYS');
        await setValue(element, 'eventFilterDays', '45');
        await save(element);

        expect(saveConfiguration).toHaveBeenCalledTimes(1);
        expect(savedPayload()).toEqual({
            id: null,
            name: 'Sales Reps Asia',
            active: false,
            description: 'Reps in Asia',
            contactSyncDirection: 'Salesforce to Exchange',
            contactConflictBehavior: 'Exchange wins',
            contactMatchPreference: 'Has the oldest creation date',
            contactScope: 'All Contacts',
            contactUsersRecords: true,
            contactFilter: null,
            eventSyncDirection: 'Both directions',
            eventConflictBehavior: 'Salesforce wins',
            syncPrivateEvents: true,
            eventFilter: 'LAST N DAYS',
            eventFilterDays: 45,
            members: [],
            fieldMappings: []
        });
        expect(saveHandler).toHaveBeenCalledTimes(1);
        expect(saveHandler.mock.calls[0][0].detail).toEqual({
            id: 'a01000000000009AAA'
        });
        expect(toastHandler.mock.calls[0][0].detail.variant).toBe('success');
    });

    it('saves member changes, keeping the ids of members that stay', async () => {
        getConfiguration.mockResolvedValue(mockConfiguration);
        saveConfiguration.mockResolvedValue(CONFIGURATION_ID);
        const element = await render(CONFIGURATION_ID);

        element.shadowRoot
            .querySelector('c-exchange-sync-member-picker')
            .dispatchEvent(
                new CustomEvent('memberschange', {
                    detail: {
                        // The profile removed, a user added
                        selected: [
                            {
                                memberType: 'User',
                                value: '005000000000001AAA',
                                label: 'Celia Kung'
                            },
                            {
                                memberType: 'User',
                                value: '005000000000003AAA',
                                label: 'Gordon Nodrog'
                            }
                        ]
                    }
                })
            );
        await flushPromises();
        await save(element);

        expect(savedPayload().members).toEqual([
            {
                id: 'a02000000000001AAA',
                memberType: 'User',
                userId: '005000000000001AAA',
                profileId: null,
                label: 'Celia Kung'
            },
            {
                id: null,
                memberType: 'User',
                userId: '005000000000003AAA',
                profileId: null,
                label: 'Gordon Nodrog'
            }
        ]);
    });

    it('saves added and removed field mappings without the page keys', async () => {
        getConfiguration.mockResolvedValue(mockConfiguration);
        saveConfiguration.mockResolvedValue(CONFIGURATION_ID);
        const element = await render(CONFIGURATION_ID);

        const contactMappings = element.shadowRoot.querySelector(
            'c-exchange-sync-field-mappings[data-id="contactMappings"]'
        );
        contactMappings.dispatchEvent(
            new CustomEvent('mappingschange', {
                detail: {
                    objectName: 'Contact',
                    mappings: [
                        ...contactMappings.mappings,
                        {
                            key: 'new-1',
                            id: null,
                            objectName: 'Contact',
                            salesforceField: 'Title',
                            exchangeField: 'jobTitle'
                        }
                    ]
                }
            })
        );
        element.shadowRoot
            .querySelector(
                'c-exchange-sync-field-mappings[data-id="eventMappings"]'
            )
            .dispatchEvent(
                new CustomEvent('mappingschange', {
                    detail: { objectName: 'Event', mappings: [] }
                })
            );
        await flushPromises();
        await save(element);

        expect(savedPayload().fieldMappings).toEqual([
            {
                id: 'a03000000000001AAA',
                objectName: 'Contact',
                salesforceField: 'FirstName',
                exchangeField: 'givenName'
            },
            {
                id: null,
                objectName: 'Contact',
                salesforceField: 'Title',
                exchangeField: 'jobTitle'
            }
        ]);
    });

    it('does not save without a name', async () => {
        const element = await render(undefined);
        await save(element);

        expect(saveConfiguration).not.toHaveBeenCalled();
        const panel = element.shadowRoot.querySelector(
            'c-error-panel.editor-error'
        );
        expect(panel.friendlyMessage).toBe(
            'Check the configuration before saving.'
        );
        expect(panel.errors).toEqual([
            { message: 'Enter a name for the configuration.' }
        ]);
    });

    it('does not save LAST N DAYS outside 1 to 180, or half-filled mappings', async () => {
        getConfiguration.mockResolvedValue({
            ...mockConfiguration,
            eventFilterDays: 181,
            fieldMappings: [
                {
                    id: null,
                    objectName: 'Event',
                    salesforceField: 'Subject',
                    exchangeField: null
                }
            ]
        });
        const element = await render(CONFIGURATION_ID);
        await save(element);

        expect(saveConfiguration).not.toHaveBeenCalled();
        const messages = element.shadowRoot
            .querySelector('c-error-panel.editor-error')
            .errors.map((e) => e.message);
        expect(messages).toEqual([
            'For LAST N DAYS, enter a number of days from 1 to 180. You can sync events that ended up to 180 days ago.',
            'Choose a Salesforce field and an Exchange field for each field mapping, or remove the mapping.'
        ]);
    });

    it("does not save Selected Contacts without User's Records when contacts sync to Exchange", async () => {
        getConfiguration.mockResolvedValue({
            ...mockConfiguration,
            contactUsersRecords: false
        });
        const element = await render(CONFIGURATION_ID);
        await save(element);

        expect(saveConfiguration).not.toHaveBeenCalled();
        expect(
            element.shadowRoot.querySelector('c-error-panel.editor-error')
                .errors[0].message
        ).toContain("also select User's Records");
    });

    it('does not save an Exchange field mapped twice', async () => {
        getConfiguration.mockResolvedValue({
            ...mockConfiguration,
            fieldMappings: [
                {
                    id: 'm1',
                    objectName: 'Contact',
                    salesforceField: 'FirstName',
                    exchangeField: 'givenName'
                },
                {
                    id: 'm2',
                    objectName: 'Contact',
                    salesforceField: 'LastName',
                    exchangeField: 'givenName'
                }
            ]
        });
        const element = await render(CONFIGURATION_ID);
        await save(element);

        expect(saveConfiguration).not.toHaveBeenCalled();
        expect(
            element.shadowRoot.querySelector('c-error-panel.editor-error')
                .errors[0].message
        ).toBe('Map each Exchange field of Contact records only once.');
    });

    it('shows an error when the configuration cannot be loaded', async () => {
        getConfiguration.mockRejectedValue(APEX_ERROR);
        const element = await render(CONFIGURATION_ID);
        expect(
            element.shadowRoot.querySelector('c-error-panel.editor-error')
                .errors
        ).toEqual(APEX_ERROR);
        expect(field(element, 'name')).toBeNull();
        expect(
            element.shadowRoot.querySelector('lightning-button[data-id="save"]')
                .disabled
        ).toBe(true);
    });

    it('shows an error when the configuration cannot be saved', async () => {
        getConfiguration.mockResolvedValue(mockConfiguration);
        saveConfiguration.mockRejectedValue(APEX_ERROR);
        const element = await render(CONFIGURATION_ID);
        const saveHandler = jest.fn();
        element.addEventListener('save', saveHandler);
        await save(element);

        const panel = element.shadowRoot.querySelector(
            'c-error-panel.editor-error'
        );
        expect(panel.errors).toEqual(APEX_ERROR);
        expect(panel.friendlyMessage).toBe(
            'The configuration could not be saved.'
        );
        expect(saveHandler).not.toHaveBeenCalled();
    });

    it('shows an error when the field options cannot be loaded', async () => {
        const element = await render(undefined);
        getFieldOptions.error(APEX_ERROR.body);
        await flushPromises();
        expect(
            element.shadowRoot.querySelector(
                'c-error-panel.field-options-error'
            )
        ).not.toBeNull();
    });

    describe('contact field filters', () => {
        it('renders the stored filters as rows with labelled controls', async () => {
            getConfiguration.mockResolvedValue(mockConfiguration);
            const element = await render(CONFIGURATION_ID);
            getFieldOptions.emit(mockFieldOptions);
            await flushPromises();

            expect(filtersOf(element).fieldOptions).toEqual(
                mockFieldOptions.Contact
            );
            const fields = filterControls(element, 'field');
            const operators = filterControls(element, 'operator');
            const values = filterControls(element, 'value');
            expect(fields.map((c) => c.value)).toEqual([
                'MailingCountry',
                'Title'
            ]);
            expect(operators.map((c) => c.value)).toEqual([
                'EQUALS',
                'CONTAINS'
            ]);
            expect(values.map((c) => c.value)).toEqual(['Germany', 'Sales']);
            expect(operators[0].options).toEqual([
                { value: 'EQUALS', label: 'equals' },
                { value: 'NOT_EQUALS', label: 'not equal to' },
                { value: 'STARTS_WITH', label: 'starts with' },
                { value: 'CONTAINS', label: 'contains' }
            ]);
            expect(fields.map((c) => c.label)).toEqual([
                'Contact field, filter 1',
                'Contact field, filter 2'
            ]);
            expect(operators[1].label).toBe('Operator, filter 2');
            expect(values[1].label).toBe('Value, filter 2');
            expect(
                element.shadowRoot.querySelector('c-error-panel.editor-error')
            ).toBeNull();
        });

        it('saves the stored filters unchanged', async () => {
            getConfiguration.mockResolvedValue(mockConfiguration);
            saveConfiguration.mockResolvedValue(CONFIGURATION_ID);
            const element = await render(CONFIGURATION_ID);
            await save(element);

            expect(savedPayload().contactFilter).toBe(
                mockConfiguration.contactFilter
            );
        });

        it('adds and removes rows, and saves them as the JSON list', async () => {
            getConfiguration.mockResolvedValue(mockConfiguration);
            saveConfiguration.mockResolvedValue(CONFIGURATION_ID);
            const element = await render(CONFIGURATION_ID);
            getFieldOptions.emit(mockFieldOptions);
            await flushPromises();

            filtersOf(element)
                .shadowRoot.querySelector('lightning-button[data-id="add"]')
                .click();
            await flushPromises();
            expect(filterControls(element, 'field')).toHaveLength(3);
            expect(filterControls(element, 'operator')[2].value).toBe('EQUALS');

            await changeControl(
                filterControls(element, 'field')[2],
                'LastName'
            );
            await changeControl(
                filterControls(element, 'operator')[2],
                'STARTS_WITH'
            );
            await changeControl(filterControls(element, 'value')[2], 'Mc');
            filtersOf(element)
                .shadowRoot.querySelector('lightning-button-icon')
                .click();
            await flushPromises();
            expect(
                filterControls(element, 'field').map((c) => c.value)
            ).toEqual(['Title', 'LastName']);

            await save(element);
            expect(savedPayload().contactFilter).toBe(
                '[{"field":"Title","operator":"CONTAINS","value":"Sales"},{"field":"LastName","operator":"STARTS_WITH","value":"Mc"}]'
            );
        });

        it('saves no rows as null', async () => {
            getConfiguration.mockResolvedValue(mockConfiguration);
            saveConfiguration.mockResolvedValue(CONFIGURATION_ID);
            const element = await render(CONFIGURATION_ID);
            filtersOf(element).dispatchEvent(
                new CustomEvent('filterschange', { detail: { filters: [] } })
            );
            await flushPromises();
            expect(
                filtersOf(element).shadowRoot.querySelector('.no-filters')
            ).not.toBeNull();
            await save(element);

            expect(savedPayload().contactFilter).toBeNull();
        });

        it('saves an empty value as an empty string', async () => {
            saveConfiguration.mockResolvedValue(CONFIGURATION_ID);
            const element = await render(undefined);
            await setValue(element, 'name', 'No Title');
            filtersOf(element).dispatchEvent(
                new CustomEvent('filterschange', {
                    detail: {
                        filters: [
                            {
                                key: 'new-1',
                                field: 'Title',
                                operator: 'EQUALS',
                                value: ''
                            }
                        ]
                    }
                })
            );
            await flushPromises();
            await save(element);

            expect(savedPayload().contactFilter).toBe(
                '[{"field":"Title","operator":"EQUALS","value":""}]'
            );
        });

        it('does not save a row without a field', async () => {
            getConfiguration.mockResolvedValue(mockConfiguration);
            const element = await render(CONFIGURATION_ID);
            filtersOf(element)
                .shadowRoot.querySelector('lightning-button[data-id="add"]')
                .click();
            await flushPromises();
            await save(element);

            expect(saveConfiguration).not.toHaveBeenCalled();
            const panel = element.shadowRoot.querySelector(
                'c-error-panel.editor-error'
            );
            expect(panel.friendlyMessage).toBe(
                'Check the configuration before saving.'
            );
            expect(panel.errors).toEqual([
                {
                    message:
                        'Choose a Contact field for each contact field filter, or remove the filter.'
                }
            ]);
        });

        it.each([
            ["MailingCountry = 'Germany'"],
            ['{"field":"Title","operator":"EQUALS","value":"x"}'],
            ['[{"field":"Title","operator":"LIKE","value":"x"}]'],
            ['[{"field":"1Title","operator":"EQUALS","value":"x"}]'],
            ['[{"field":"Title","operator":"EQUALS"}]'],
            ['[{"field":"Title","operator":"EQUALS","value":3}]'],
            ['["Title"]'],
            ['[null]']
        ])(
            'shows one error and no rows for the stored value %s',
            async (stored) => {
                getConfiguration.mockResolvedValue({
                    ...mockConfiguration,
                    contactFilter: stored
                });
                const element = await render(CONFIGURATION_ID);

                const panel = element.shadowRoot.querySelector(
                    'c-error-panel.editor-error'
                );
                expect(panel.friendlyMessage).toBe(
                    'The contact field filters could not be read.'
                );
                expect(panel.errors).toEqual([
                    {
                        message:
                            'The stored contact field filters are not a list of conditions Exchange Sync can read, so none are shown. Add the filters again, or save to clear them.'
                    }
                ]);
                expect(filtersOf(element).filters).toEqual([]);
                expect(field(element, 'name').value).toBe('Sales Reps Europe');
            }
        );
    });

    it('fires cancel', async () => {
        const element = await render(undefined);
        const handler = jest.fn();
        element.addEventListener('cancel', handler);
        element.shadowRoot
            .querySelector('lightning-button[data-id="cancel"]')
            .click();
        expect(handler).toHaveBeenCalledTimes(1);
    });
});
