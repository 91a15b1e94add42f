import { createElement } from '@lwc/engine-dom';
import ExchangeSyncMemberPicker from 'c/exchangeSyncMemberPicker';
import searchUsers from '@salesforce/apex/ExchangeSyncConfigurationController.searchUsers';
import searchProfiles from '@salesforce/apex/ExchangeSyncConfigurationController.searchProfiles';

const mockUsers = require('./data/users.json');

jest.mock(
    '@salesforce/apex/ExchangeSyncConfigurationController.searchUsers',
    () => ({ default: jest.fn() }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/ExchangeSyncConfigurationController.searchProfiles',
    () => ({ default: jest.fn() }),
    {
        virtual: true
    }
);

const SELECTED = [
    { value: '005000000000001AAA', label: 'Celia Kung' },
    { value: '005000000000002AAA', label: 'Lance Santin' }
];
const APEX_ERROR = { body: { message: 'Search failed' } };

async function flushPromises() {
    for (let i = 0; i < 10; i++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

function render(memberType, selected) {
    const element = createElement('c-exchange-sync-member-picker', {
        is: ExchangeSyncMemberPicker
    });
    element.memberType = memberType;
    element.selected = selected;
    document.body.appendChild(element);
    return element;
}

async function search(element, term) {
    const input = element.shadowRoot.querySelector(
        'lightning-input[data-id="searchTerm"]'
    );
    input.value = term;
    input.dispatchEvent(new CustomEvent('change'));
    element.shadowRoot
        .querySelector('lightning-button[data-id="search"]')
        .click();
    await flushPromises();
}

describe('c-exchange-sync-member-picker', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('lists the current selection as assigned members', () => {
        const element = render('User', SELECTED);
        const listbox = element.shadowRoot.querySelector(
            'lightning-dual-listbox'
        );
        expect(listbox.label).toBe('Assigned Users');
        expect(listbox.options).toEqual(SELECTED);
        expect(listbox.value).toEqual([
            '005000000000001AAA',
            '005000000000002AAA'
        ]);
    });

    it('adds user search results to the available members, without duplicates', async () => {
        searchUsers.mockResolvedValue(mockUsers);
        const element = render('User', SELECTED);

        await search(element, 'o');

        expect(searchUsers).toHaveBeenCalledWith({ term: 'o' });
        expect(searchProfiles).not.toHaveBeenCalled();
        const listbox = element.shadowRoot.querySelector(
            'lightning-dual-listbox'
        );
        expect(listbox.options.map((o) => o.label)).toEqual([
            'Celia Kung',
            'Lance Santin',
            'Gordon Nodrog'
        ]);
    });

    it('searches profiles for profile members', async () => {
        searchProfiles.mockResolvedValue([
            { value: '00e000000000001AAA', label: 'Sales Rep' }
        ]);
        const element = render('Profile', []);

        await search(element, 'Sales');

        expect(searchProfiles).toHaveBeenCalledWith({ term: 'Sales' });
        expect(
            element.shadowRoot.querySelector('lightning-dual-listbox').label
        ).toBe('Assigned Profiles');
        expect(element.shadowRoot.querySelector('lightning-input').label).toBe(
            'Search Profiles'
        );
    });

    it('fires memberschange with the selected members and their labels', async () => {
        searchUsers.mockResolvedValue(mockUsers);
        const element = render('User', SELECTED);
        const handler = jest.fn();
        element.addEventListener('memberschange', handler);
        await search(element, 'o');

        element.shadowRoot
            .querySelector('lightning-dual-listbox')
            .dispatchEvent(
                new CustomEvent('change', {
                    detail: {
                        value: ['005000000000001AAA', '005000000000003AAA']
                    }
                })
            );

        expect(handler).toHaveBeenCalledTimes(1);
        expect(handler.mock.calls[0][0].detail).toEqual({
            memberType: 'User',
            selected: [
                { value: '005000000000001AAA', label: 'Celia Kung' },
                { value: '005000000000003AAA', label: 'Gordon Nodrog' }
            ]
        });
    });

    it('shows an error when the search fails', async () => {
        searchUsers.mockRejectedValue(APEX_ERROR);
        const element = render('User', []);
        await search(element, 'x');
        expect(
            element.shadowRoot.querySelector('c-error-panel').errors
        ).toEqual(APEX_ERROR);
    });
});
