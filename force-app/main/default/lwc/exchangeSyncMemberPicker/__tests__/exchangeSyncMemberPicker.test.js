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

const mockProfiles = require('./data/profiles.json');

const SELECTED = [
    { memberType: 'User', value: '005000000000001AAA', label: 'Celia Kung' },
    { memberType: 'User', value: '005000000000002AAA', label: 'Lance Santin' },
    { memberType: 'Profile', value: '00e000000000001AAA', label: 'Sales Rep' }
];
const APEX_ERROR = { body: { message: 'Search failed' } };

async function flushPromises() {
    for (let i = 0; i < 10; i++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

function render(selected) {
    const element = createElement('c-exchange-sync-member-picker', {
        is: ExchangeSyncMemberPicker
    });
    element.selected = selected;
    document.body.appendChild(element);
    return element;
}

function listbox(element) {
    return element.shadowRoot.querySelector('lightning-dual-listbox');
}

async function search(element, term, searchType) {
    if (searchType) {
        element.shadowRoot
            .querySelector('lightning-combobox[data-id="searchType"]')
            .dispatchEvent(
                new CustomEvent('change', { detail: { value: searchType } })
            );
    }
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

    it("has the guide's labels: Search, for, Available Members and Assigned Members", () => {
        const element = render(SELECTED);
        const searchType = element.shadowRoot.querySelector(
            'lightning-combobox[data-id="searchType"]'
        );
        expect(searchType.label).toBe('Search');
        expect(searchType.options.map((o) => o.label)).toEqual([
            'Users',
            'Profiles'
        ]);
        expect(searchType.value).toBe('User');
        expect(
            element.shadowRoot.querySelector(
                'lightning-input[data-id="searchTerm"]'
            ).label
        ).toBe('for');
        expect(listbox(element).sourceLabel).toBe('Available Members');
        expect(listbox(element).selectedLabel).toBe('Assigned Members');
        // The list box's own label names it for screen readers only
        expect(listbox(element).variant).toBe('label-hidden');
    });

    it('lists users and profiles together, named as in the guide', () => {
        const element = render(SELECTED);
        expect(listbox(element).options).toEqual([
            { value: 'User:005000000000001AAA', label: 'User: Celia Kung' },
            { value: 'User:005000000000002AAA', label: 'User: Lance Santin' },
            { value: 'Profile:00e000000000001AAA', label: 'Profile: Sales Rep' }
        ]);
        expect(listbox(element).value).toEqual([
            'User:005000000000001AAA',
            'User:005000000000002AAA',
            'Profile:00e000000000001AAA'
        ]);
    });

    it('adds user search results to the available members, without duplicates', async () => {
        searchUsers.mockResolvedValue(mockUsers);
        const element = render(SELECTED);

        await search(element, 'o');

        expect(searchUsers).toHaveBeenCalledWith({ term: 'o' });
        expect(searchProfiles).not.toHaveBeenCalled();
        expect(listbox(element).options.map((o) => o.label)).toEqual([
            'User: Celia Kung',
            'User: Lance Santin',
            'Profile: Sales Rep',
            'User: Gordon Nodrog'
        ]);
    });

    it('searches profiles when Profiles is chosen in the Search list', async () => {
        searchProfiles.mockResolvedValue(mockProfiles);
        const element = render([]);

        await search(element, 'Sales', 'Profile');

        expect(searchProfiles).toHaveBeenCalledWith({ term: 'Sales' });
        expect(searchUsers).not.toHaveBeenCalled();
        expect(listbox(element).options.map((o) => o.label)).toEqual([
            'Profile: Sales Rep',
            'Profile: Sales Manager'
        ]);
    });

    it('keeps a user and a profile with the same search apart', async () => {
        searchProfiles.mockResolvedValue([
            { value: '005000000000001AAA', label: 'Odd profile' }
        ]);
        const element = render(SELECTED.slice(0, 1));
        await search(element, 'Odd', 'Profile');
        expect(listbox(element).options.map((o) => o.value)).toEqual([
            'User:005000000000001AAA',
            'Profile:005000000000001AAA'
        ]);
    });

    it('fires memberschange with each assigned member, its type and its label', async () => {
        searchUsers.mockResolvedValue(mockUsers);
        const element = render(SELECTED);
        const handler = jest.fn();
        element.addEventListener('memberschange', handler);
        await search(element, 'o');

        listbox(element).dispatchEvent(
            new CustomEvent('change', {
                detail: {
                    value: [
                        'User:005000000000001AAA',
                        'Profile:00e000000000001AAA',
                        'User:005000000000003AAA'
                    ]
                }
            })
        );

        expect(handler).toHaveBeenCalledTimes(1);
        expect(handler.mock.calls[0][0].detail).toEqual({
            selected: [
                {
                    memberType: 'User',
                    value: '005000000000001AAA',
                    label: 'Celia Kung'
                },
                {
                    memberType: 'Profile',
                    value: '00e000000000001AAA',
                    label: 'Sales Rep'
                },
                {
                    memberType: 'User',
                    value: '005000000000003AAA',
                    label: 'Gordon Nodrog'
                }
            ]
        });
    });

    it('shows an error when the search fails', async () => {
        searchUsers.mockRejectedValue(APEX_ERROR);
        const element = render([]);
        await search(element, 'x');
        expect(
            element.shadowRoot.querySelector('c-error-panel').errors
        ).toEqual(APEX_ERROR);
    });
});
