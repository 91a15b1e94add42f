import { LightningElement } from 'lwc';
import ExchangeSyncConfirm from 'c/exchangeSyncConfirm';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getSystemStatus from '@salesforce/apex/ExchangeSyncStatusController.getSystemStatus';
import searchUsers from '@salesforce/apex/ExchangeSyncStatusController.searchUsers';
import getUserStatus from '@salesforce/apex/ExchangeSyncStatusController.getUserStatus';
import resetSync from '@salesforce/apex/ExchangeSyncStatusController.resetSync';
import { systemSections, userSections } from './statusTexts';

/**
 * Exchange Sync Status: the system sync status (guide tables 1-3), one user's
 * sync status (tables 4-6) and Reset Sync for that user.
 */
export default class ExchangeSyncStatus extends LightningElement {
    isLoadingSystem = true;
    systemStatus;
    systemError;

    searchTerm = '';
    userOptions;
    selectedUserId;
    userStatus;
    isLoadingUser = false;
    userError;

    connectedCallback() {
        this.loadSystemStatus();
    }

    get systemFound() {
        return !!(this.systemStatus && this.systemStatus.found);
    }

    get systemNotFound() {
        return !!(this.systemStatus && !this.systemStatus.found);
    }

    get systemSections() {
        return this.systemFound
            ? systemSections(this.systemStatus, Date.now())
            : [];
    }

    get searchDisabled() {
        return !this.searchTerm || this.isLoadingUser;
    }

    get hasUserOptions() {
        return !!(this.userOptions && this.userOptions.length > 0);
    }

    get noUsersFound() {
        return !!(this.userOptions && this.userOptions.length === 0);
    }

    get userActionsDisabled() {
        return !this.selectedUserId || this.isLoadingUser;
    }

    /** A user already marked for reset, or resetting, has nothing more to reset */
    get resetPending() {
        return !!(this.userStatus && this.userStatus.resetStatus);
    }

    get resetDisabled() {
        return this.userActionsDisabled || this.resetPending;
    }

    get resetTitle() {
        return this.resetPending
            ? `Reset Sync isn't available: this user's reset sync status is ${this.userStatus.resetStatus}.`
            : 'Reset Sync for this user';
    }

    get userFound() {
        return !!(this.userStatus && this.userStatus.found);
    }

    get userNotFound() {
        return !!(this.userStatus && !this.userStatus.found);
    }

    get userSections() {
        return this.userFound
            ? userSections(
                  this.userStatus,
                  this.systemStatus && this.systemStatus.exchangeType
              )
            : [];
    }

    get selectedUserLabel() {
        const option = (this.userOptions || []).find(
            (o) => o.value === this.selectedUserId
        );
        return option ? option.label : '';
    }

    async loadSystemStatus() {
        this.isLoadingSystem = true;
        try {
            this.systemStatus = await getSystemStatus();
            this.systemError = undefined;
        } catch (error) {
            this.systemError = error;
        } finally {
            this.isLoadingSystem = false;
        }
    }

    handleRefreshSystem() {
        this.loadSystemStatus();
    }

    handleSearchTermChange(event) {
        this.searchTerm = event.target.value;
    }

    handleSearchKeyUp(event) {
        this.searchTerm = event.target.value;
        if (event.key === 'Enter' && !this.searchDisabled) {
            this.handleSearch();
        }
    }

    async handleSearch() {
        this.isLoadingUser = true;
        this.userStatus = undefined;
        this.selectedUserId = undefined;
        try {
            this.userOptions = await searchUsers({ term: this.searchTerm });
            this.userError = undefined;
        } catch (error) {
            this.userError = error;
            this.userOptions = undefined;
        } finally {
            this.isLoadingUser = false;
        }
        // One match: show its status right away
        if (this.userOptions && this.userOptions.length === 1) {
            this.selectedUserId = this.userOptions[0].value;
            await this.loadUserStatus();
        }
    }

    async handleUserChange(event) {
        this.selectedUserId = event.detail.value;
        await this.loadUserStatus();
    }

    handleCheckStatus() {
        this.loadUserStatus();
    }

    async loadUserStatus() {
        this.isLoadingUser = true;
        try {
            this.userStatus = await getUserStatus({
                userId: this.selectedUserId
            });
            this.userError = undefined;
        } catch (error) {
            this.userError = error;
        } finally {
            this.isLoadingUser = false;
        }
    }

    async handleResetSync() {
        const name =
            (this.userStatus && this.userStatus.userName) ||
            this.selectedUserLabel;
        const confirmed = await ExchangeSyncConfirm.open({
            size: 'small',
            label: 'Reset Sync',
            confirmLabel: 'Reset Sync',
            message: `Reset sync for ${name}? Make sure the user's Salesforce_Sync folder contains only the contacts the user wants to sync, and that events the user doesn't want to sync are marked Private. During the next sync cycle, the connections between the user's Exchange and Salesforce records are cleared and restored; the information stored in those records isn't affected.`
        });
        if (!confirmed) {
            return;
        }
        this.isLoadingUser = true;
        try {
            this.userStatus = await resetSync({ userId: this.selectedUserId });
            this.userError = undefined;
            this.dispatchEvent(
                new ShowToastEvent({
                    title: 'Sync reset requested',
                    message: `${name} is marked for reset.`,
                    variant: 'success'
                })
            );
        } catch (error) {
            this.userError = error;
        } finally {
            this.isLoadingUser = false;
        }
    }
}
