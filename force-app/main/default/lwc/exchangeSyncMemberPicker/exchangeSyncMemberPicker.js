import { LightningElement, api } from 'lwc';
import searchUsers from '@salesforce/apex/ExchangeSyncConfigurationController.searchUsers';
import searchProfiles from '@salesforce/apex/ExchangeSyncConfigurationController.searchProfiles';

const SEARCH_TYPES = [
    { value: 'User', label: 'Users' },
    { value: 'Profile', label: 'Profiles' }
];

/** The list box's value for a member: one list holds users and profiles */
export function memberKey(memberType, value) {
    return `${memberType}:${value}`;
}

/**
 * Assigns users and profiles to a configuration, as the admin guide's
 * "Assign Users and Profiles" section does: Search (Users or Profiles) for
 * keywords, Find, then Add members from Available Members to Assigned
 * Members. Fires "memberschange" with detail
 * {selected: [{memberType, value, label}]}.
 */
export default class ExchangeSyncMemberPicker extends LightningElement {
    /** The assigned members: [{memberType: 'User'|'Profile', value, label}] */
    @api selected = [];

    searchType = 'User';
    searchTypeOptions = SEARCH_TYPES;
    searchTerm = '';
    /** The last search's matches: [{memberType, value, label}] */
    results = [];
    isSearching = false;
    error;

    /** Assigned members first, then the search's other matches */
    get members() {
        const byKey = new Map();
        [...(this.selected || []), ...this.results].forEach((member) => {
            const key = memberKey(member.memberType, member.value);
            if (!byKey.has(key)) {
                byKey.set(key, member);
            }
        });
        return byKey;
    }

    get options() {
        return [...this.members.entries()].map(([key, member]) => ({
            value: key,
            // The guide's list shows "User: Celia Kung", "Profile: Sales Rep"
            label: `${member.memberType}: ${member.label}`
        }));
    }

    get values() {
        return (this.selected || []).map((member) =>
            memberKey(member.memberType, member.value)
        );
    }

    handleSearchTypeChange(event) {
        this.searchType = event.detail.value;
        this.results = [];
    }

    handleSearchTermChange(event) {
        this.searchTerm = event.target.value;
    }

    handleSearchKeyUp(event) {
        this.searchTerm = event.target.value;
        if (event.key === 'Enter' && !this.isSearching) {
            this.handleSearch();
        }
    }

    async handleSearch() {
        this.isSearching = true;
        const memberType = this.searchType;
        try {
            const search = memberType === 'User' ? searchUsers : searchProfiles;
            const found = await search({ term: this.searchTerm });
            this.results = found.map((option) => ({
                memberType,
                value: option.value,
                label: option.label
            }));
            this.error = undefined;
        } catch (error) {
            this.error = error;
        } finally {
            this.isSearching = false;
        }
    }

    handleSelectionChange(event) {
        const members = this.members;
        const selected = event.detail.value.map((key) => {
            const { memberType, value, label } = members.get(key);
            return { memberType, value, label };
        });
        this.dispatchEvent(
            new CustomEvent('memberschange', { detail: { selected } })
        );
    }
}
