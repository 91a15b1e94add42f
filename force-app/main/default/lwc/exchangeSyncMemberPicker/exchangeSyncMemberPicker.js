import { LightningElement, api } from 'lwc';
import searchUsers from '@salesforce/apex/ExchangeSyncConfigurationController.searchUsers';
import searchProfiles from '@salesforce/apex/ExchangeSyncConfigurationController.searchProfiles';

/**
 * Assigns users or profiles to a configuration: a search whose results, with
 * the current selection, feed a dual list box. Fires "memberschange" with
 * detail {memberType, selected: [{value, label}]}.
 */
export default class ExchangeSyncMemberPicker extends LightningElement {
    /** 'User' or 'Profile' */
    @api memberType = 'User';
    /** The assigned members: [{value, label}] */
    @api selected = [];

    searchTerm = '';
    results = [];
    isSearching = false;
    error;

    get isUser() {
        return this.memberType === 'User';
    }

    get title() {
        return this.isUser ? 'Users' : 'Profiles';
    }

    get searchLabel() {
        return this.isUser ? 'Search Users' : 'Search Profiles';
    }

    get listLabel() {
        return this.isUser ? 'Assigned Users' : 'Assigned Profiles';
    }

    get options() {
        const byValue = new Map();
        [...(this.selected || []), ...this.results].forEach((option) => {
            if (!byValue.has(option.value)) {
                byValue.set(option.value, {
                    value: option.value,
                    label: option.label
                });
            }
        });
        return [...byValue.values()];
    }

    get values() {
        return (this.selected || []).map((option) => option.value);
    }

    get searchDisabled() {
        return this.isSearching;
    }

    handleSearchTermChange(event) {
        this.searchTerm = event.target.value;
    }

    handleSearchKeyUp(event) {
        this.searchTerm = event.target.value;
        if (event.key === 'Enter') {
            this.handleSearch();
        }
    }

    async handleSearch() {
        this.isSearching = true;
        try {
            const search = this.isUser ? searchUsers : searchProfiles;
            this.results = await search({ term: this.searchTerm });
            this.error = undefined;
        } catch (error) {
            this.error = error;
        } finally {
            this.isSearching = false;
        }
    }

    handleSelectionChange(event) {
        const labels = new Map(
            this.options.map((option) => [option.value, option.label])
        );
        const selected = event.detail.value.map((value) => ({
            value,
            label: labels.get(value)
        }));
        this.dispatchEvent(
            new CustomEvent('memberschange', {
                detail: { memberType: this.memberType, selected }
            })
        );
    }
}
