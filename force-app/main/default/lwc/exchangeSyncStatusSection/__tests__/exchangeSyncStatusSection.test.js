import { createElement } from '@lwc/engine-dom';
import ExchangeSyncStatusSection from 'c/exchangeSyncStatusSection';

const SECTION = {
    key: 'contacts',
    title: 'Contacts',
    rows: [
        {
            key: 'assigned',
            condition: 'User assigned to active Exchange configuration',
            value: 'Yes',
            iconName: 'utility:success',
            iconVariant: 'success',
            meaning: 'This user is set up to sync.'
        },
        {
            key: 'last',
            condition: 'Last sync activity',
            dateValue: '2025-11-25T10:00:00.000Z',
            meaning:
                'Your organization last synced contacts on this date, at this time.'
        }
    ]
};

describe('c-exchange-sync-status-section', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('renders a captioned table with a row per status', () => {
        const element = createElement('c-exchange-sync-status-section', {
            is: ExchangeSyncStatusSection
        });
        element.section = SECTION;
        document.body.appendChild(element);

        expect(
            element.shadowRoot.querySelector('caption').textContent.trim()
        ).toBe('Contacts');
        const headings = [
            ...element.shadowRoot.querySelectorAll('thead th')
        ].map((th) => th.textContent);
        expect(headings).toEqual([
            'If',
            'Provides this status',
            'This status means that'
        ]);
        const rows = element.shadowRoot.querySelectorAll('tbody tr');
        expect(rows).toHaveLength(2);
        expect(rows[0].querySelector('.condition').textContent).toBe(
            'User assigned to active Exchange configuration'
        );
        expect(rows[0].querySelector('lightning-icon').alternativeText).toBe(
            'Yes'
        );
        // Coloured, not grey
        expect(rows[0].querySelector('lightning-icon').variant).toBe('success');
        expect(rows[0].querySelector('.value-text').textContent).toBe('Yes');
        expect(rows[0].querySelector('.meaning').textContent).toBe(
            'This user is set up to sync.'
        );
        expect(
            rows[1].querySelector('lightning-formatted-date-time').value
        ).toBe('2025-11-25T10:00:00.000Z');
        expect(rows[1].querySelector('lightning-icon')).toBeNull();
    });
});
