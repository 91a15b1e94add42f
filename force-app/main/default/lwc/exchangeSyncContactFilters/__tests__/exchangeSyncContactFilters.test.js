import { createElement } from '@lwc/engine-dom';
import ExchangeSyncContactFilters from 'c/exchangeSyncContactFilters';

const FIELD_OPTIONS = [
    { value: 'Title', label: 'Title' },
    { value: 'MailingCountry', label: 'Mailing Country' }
];
const FILTERS = [
    { key: 'k1', field: 'MailingCountry', operator: 'EQUALS', value: 'France' },
    { key: 'k2', field: 'Department', operator: 'NOT_EQUALS', value: '' }
];

function render(filters) {
    const element = createElement('c-exchange-sync-contact-filters', {
        is: ExchangeSyncContactFilters
    });
    element.filters = filters;
    element.fieldOptions = FIELD_OPTIONS;
    document.body.appendChild(element);
    const handler = jest.fn();
    element.addEventListener('filterschange', handler);
    return { element, handler };
}

function controls(element, name) {
    return Array.from(
        element.shadowRoot.querySelectorAll(`[data-field="${name}"]`)
    );
}

describe('c-exchange-sync-contact-filters', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('labels every control and says filters apply to Salesforce to Exchange only', () => {
        const { element } = render(FILTERS);
        const all = element.shadowRoot.querySelectorAll(
            'lightning-combobox, lightning-input'
        );
        expect(all).toHaveLength(6);
        all.forEach((control) => expect(control.label).toBeTruthy());
        element.shadowRoot
            .querySelectorAll('lightning-button-icon')
            .forEach((button, index) =>
                expect(button.alternativeText).toBe(
                    `Remove filter ${index + 1}`
                )
            );
        expect(
            element.shadowRoot.querySelector('.filter-help').textContent
        ).toContain(
            "contact filters don't apply to contacts syncing from Exchange to Salesforce"
        );
    });

    it('keeps a stored field that is not offered visible', () => {
        const { element } = render(FILTERS);
        const fields = controls(element, 'field');
        expect(fields[0].options).toEqual(FIELD_OPTIONS);
        expect(fields[1].options[0]).toEqual({
            value: 'Department',
            label: 'Department'
        });
    });

    it('says when there are no filters', () => {
        const { element } = render([]);
        expect(element.shadowRoot.querySelector('.no-filters')).not.toBeNull();
        expect(element.shadowRoot.querySelector('table')).toBeNull();
    });

    it('adds a row with no field and the equals operator', () => {
        const { element, handler } = render(FILTERS);
        element.shadowRoot
            .querySelector('lightning-button[data-id="add"]')
            .click();
        const filters = handler.mock.calls[0][0].detail.filters;
        expect(filters).toHaveLength(3);
        expect(filters[2]).toEqual(
            expect.objectContaining({
                field: null,
                operator: 'EQUALS',
                value: ''
            })
        );
        expect(filters[2].key).toBeTruthy();
    });

    it('removes a row', () => {
        const { element, handler } = render(FILTERS);
        element.shadowRoot.querySelectorAll('lightning-button-icon')[0].click();
        expect(handler.mock.calls[0][0].detail.filters).toEqual([FILTERS[1]]);
    });

    it('changes a row', () => {
        const { element, handler } = render(FILTERS);
        const operator = controls(element, 'operator')[1];
        operator.dispatchEvent(
            new CustomEvent('change', { detail: { value: 'CONTAINS' } })
        );
        expect(handler.mock.calls[0][0].detail.filters).toEqual([
            FILTERS[0],
            { ...FILTERS[1], operator: 'CONTAINS' }
        ]);
    });
});
