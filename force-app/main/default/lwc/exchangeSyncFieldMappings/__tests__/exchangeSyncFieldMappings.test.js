import { createElement } from '@lwc/engine-dom';
import ExchangeSyncFieldMappings from 'c/exchangeSyncFieldMappings';

const mockContactFieldOptions = require('./data/contactFieldOptions.json');

const MAPPINGS = [
    {
        key: 'a03-1',
        id: 'a03-1',
        objectName: 'Contact',
        salesforceField: 'FirstName',
        exchangeField: 'givenName'
    },
    {
        key: 'a03-2',
        id: 'a03-2',
        objectName: 'Contact',
        salesforceField: 'Old_Field__c',
        exchangeField: 'notes'
    }
];

function render(objectName, mappings) {
    const element = createElement('c-exchange-sync-field-mappings', {
        is: ExchangeSyncFieldMappings
    });
    element.objectName = objectName;
    element.mappings = mappings;
    element.salesforceFieldOptions = mockContactFieldOptions;
    document.body.appendChild(element);
    return element;
}

function listen(element) {
    const handler = jest.fn();
    element.addEventListener('mappingschange', handler);
    return handler;
}

describe('c-exchange-sync-field-mappings', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('renders a labelled row per mapping with the fixed Exchange fields of the object', () => {
        const element = render('Contact', MAPPINGS);
        const rows = element.shadowRoot.querySelectorAll('tr.mapping');
        expect(rows).toHaveLength(2);

        const [salesforce, exchange] =
            rows[0].querySelectorAll('lightning-combobox');
        expect(salesforce.label).toBe('Salesforce field, mapping 1');
        expect(salesforce.value).toBe('FirstName');
        expect(salesforce.options).toEqual(mockContactFieldOptions);
        expect(exchange.label).toBe('Exchange field, mapping 1');
        expect(exchange.value).toBe('givenName');
        expect(exchange.options.map((o) => o.value)).toEqual([
            'givenName',
            'surname',
            'companyName',
            'jobTitle',
            'email',
            'email2',
            'email3',
            'businessPhone',
            'mobilePhone',
            'homePhone',
            'street',
            'city',
            'state',
            'postalCode',
            'country',
            'notes'
        ]);
        expect(
            rows[0].querySelector('lightning-button-icon').alternativeText
        ).toBe('Remove mapping 1');
        // A mapped field no longer offered stays visible
        expect(rows[1].querySelector('lightning-combobox').options[0]).toEqual({
            value: 'Old_Field__c',
            label: 'Old_Field__c'
        });
    });

    it('offers the Event fields for events', () => {
        const element = render('Event', [
            {
                key: 'n1',
                id: null,
                objectName: 'Event',
                salesforceField: null,
                exchangeField: null
            }
        ]);
        const exchange =
            element.shadowRoot.querySelectorAll('lightning-combobox')[1];
        expect(exchange.options.map((o) => o.value)).toEqual([
            'subject',
            'location',
            'body',
            'start',
            'end',
            'isAllDay',
            'sensitivity'
        ]);
        expect(
            element.shadowRoot.querySelector('lightning-button[data-id="add"]')
                .label
        ).toBe('Add Event Mapping');
    });

    it('says so when there are no mappings', () => {
        const element = render('Event', []);
        expect(element.shadowRoot.querySelector('.no-mappings')).not.toBeNull();
        expect(element.shadowRoot.querySelector('table')).toBeNull();
    });

    it('adds an empty row', () => {
        const element = render('Contact', MAPPINGS);
        const handler = listen(element);
        element.shadowRoot
            .querySelector('lightning-button[data-id="add"]')
            .click();

        const { objectName, mappings } = handler.mock.calls[0][0].detail;
        expect(objectName).toBe('Contact');
        expect(mappings).toHaveLength(3);
        expect(mappings[2]).toEqual(
            expect.objectContaining({
                id: null,
                objectName: 'Contact',
                salesforceField: null,
                exchangeField: null
            })
        );
        expect(mappings[2].key).toBeTruthy();
    });

    it('removes a row', () => {
        const element = render('Contact', MAPPINGS);
        const handler = listen(element);
        element.shadowRoot.querySelectorAll('lightning-button-icon')[0].click();
        expect(handler.mock.calls[0][0].detail.mappings).toEqual([MAPPINGS[1]]);
    });

    it('changes a field of a row', () => {
        const element = render('Contact', MAPPINGS);
        const handler = listen(element);
        element.shadowRoot
            .querySelectorAll('lightning-combobox')[1]
            .dispatchEvent(
                new CustomEvent('change', { detail: { value: 'surname' } })
            );
        expect(handler.mock.calls[0][0].detail.mappings[0]).toEqual({
            ...MAPPINGS[0],
            exchangeField: 'surname'
        });
    });
});
