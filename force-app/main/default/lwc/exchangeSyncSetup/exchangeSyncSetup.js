import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getSetup from '@salesforce/apex/ExchangeSyncSetupController.getSetup';
import saveSetup from '@salesforce/apex/ExchangeSyncSetupController.saveSetup';
import requestConnectionTest from '@salesforce/apex/ExchangeSyncSetupController.requestConnectionTest';
import getConnectionTest from '@salesforce/apex/ExchangeSyncSetupController.getConnectionTest';

/** How often the connection test's record is read while it runs */
export const POLL_INTERVAL_MS = 2000;
const FINISHED = ['Passed', 'Failed'];
/**
 * What each check's status looks like. The middleware writes PASSED, FAILED
 * or SKIPPED (a check not run because an earlier one failed); the page reads
 * any case.
 */
const CHECK_STATES = {
    PASSED: {
        label: 'Passed',
        iconName: 'utility:success',
        variant: 'success'
    },
    FAILED: { label: 'Failed', iconName: 'utility:error', variant: 'error' },
    SKIPPED: { label: 'Skipped', iconName: 'utility:dash', variant: '' }
};
const PENDING_STATE = {
    label: 'Pending',
    iconName: 'utility:clock',
    variant: ''
};

/** Exchange_Sync_Setup__c.Exchange_Type__c, exactly as the picklist defines it */
export const EWS_TYPE = 'Exchange Server (EWS)';
export const GRAPH_TYPE = 'Exchange Online (Microsoft Graph)';
const EXCHANGE_TYPE_OPTIONS = [EWS_TYPE, GRAPH_TYPE].map((value) => ({
    value,
    label: value
}));

/**
 * Exchange Sync Setup: enables the sync, chooses the Exchange type and stores
 * what the worker needs for it (EWS: the service account, whose password is
 * write-only; Exchange Online: the tenant and application IDs, the key staying
 * with the worker), and runs the connection test.
 */
export default class ExchangeSyncSetup extends LightningElement {
    isLoading = true;
    isSaving = false;
    error;

    enabled = false;
    exchangeType = EWS_TYPE;
    exchangeTypeOptions = EXCHANGE_TYPE_OPTIONS;
    tenantId = '';
    applicationId = '';
    username = '';
    /** The new password typed by the admin; never filled from the server */
    password = '';
    passwordStored = false;
    additionalDomains = '';
    exchangeEndpoint = '';
    serviceAccountStatus;

    testEmail = '';
    testId;
    testStatus;
    checks = [];
    isTesting = false;
    testError;

    pollTimer;
    isConnected = false;

    async connectedCallback() {
        this.isConnected = true;
        try {
            this.applySetup(await getSetup());
            this.error = undefined;
        } catch (error) {
            this.error = error;
        } finally {
            this.isLoading = false;
        }
    }

    disconnectedCallback() {
        this.isConnected = false;
        this.stopPolling();
    }

    get showSpinner() {
        return this.isLoading || this.isSaving;
    }

    get isGraph() {
        return this.exchangeType === GRAPH_TYPE;
    }

    get testHelp() {
        return this.isGraph
            ? "Provide the email address of one of the reps in your Exchange Sync application's management scope, then click Test."
            : "Provide the email address of one of the reps you've set up your Exchange service account to impersonate, then click Test.";
    }

    get testDisabled() {
        return !this.testEmail || this.isTesting;
    }

    get hasChecks() {
        return this.checks.length > 0;
    }

    get testStatusLabel() {
        switch (this.testStatus) {
            case 'Requested':
                return 'Connection test requested. Waiting for Exchange Sync to start it…';
            case 'Running':
                return 'Connection test running…';
            case 'Passed':
                return 'Connection test passed.';
            case 'Failed':
                return 'Connection test failed. Review the failed checks below.';
            default:
                return '';
        }
    }

    handleEnabledChange(event) {
        this.enabled = event.target.checked;
    }

    handleExchangeTypeChange(event) {
        this.exchangeType = event.detail.value;
    }

    handleFieldChange(event) {
        this[event.target.name] = event.target.value;
    }

    handleTestEmailChange(event) {
        this.testEmail = event.target.value;
    }

    async handleSave() {
        this.isSaving = true;
        try {
            const view = await saveSetup({
                enabled: this.enabled,
                exchangeType: this.exchangeType,
                tenantId: this.tenantId,
                applicationId: this.applicationId,
                username: this.username,
                // An empty password keeps the stored one
                password: this.password ? this.password : null,
                additionalDomains: this.additionalDomains,
                exchangeEndpoint: this.exchangeEndpoint
            });
            this.applySetup(view);
            this.password = '';
            this.error = undefined;
            this.dispatchEvent(
                new ShowToastEvent({
                    title: 'Exchange Sync setup saved',
                    message: this.isGraph
                        ? 'Run the connection test to check the application.'
                        : 'Run the connection test to check the service account.',
                    variant: 'success'
                })
            );
        } catch (error) {
            this.error = error;
        } finally {
            this.isSaving = false;
        }
    }

    async handleTest() {
        this.stopPolling();
        this.checks = [];
        this.testStatus = undefined;
        this.testError = undefined;
        this.isTesting = true;
        try {
            this.testId = await requestConnectionTest({
                email: this.testEmail
            });
            this.testStatus = 'Requested';
            this.schedulePoll();
        } catch (error) {
            this.testError = error;
            this.isTesting = false;
        }
    }

    schedulePoll() {
        if (!this.isConnected) {
            return;
        }
        // The test runs in the middleware; its record is read until it finishes
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.pollTimer = setTimeout(() => {
            this.pollTimer = undefined;
            this.pollTest();
        }, POLL_INTERVAL_MS);
    }

    stopPolling() {
        if (this.pollTimer) {
            clearTimeout(this.pollTimer);
            this.pollTimer = undefined;
        }
    }

    async pollTest() {
        try {
            const test = await getConnectionTest({ testId: this.testId });
            this.testStatus = test.status;
            this.checks = toChecks(test.results);
            if (FINISHED.includes(test.status)) {
                this.isTesting = false;
            } else {
                this.schedulePoll();
            }
        } catch (error) {
            this.testError = error;
            this.isTesting = false;
        }
    }

    applySetup(view) {
        this.enabled = !!view.enabled;
        this.exchangeType = view.exchangeType || EWS_TYPE;
        this.tenantId = view.tenantId || '';
        this.applicationId = view.applicationId || '';
        this.username = view.username || '';
        this.passwordStored = !!view.passwordStored;
        this.additionalDomains = view.additionalDomains || '';
        this.exchangeEndpoint = view.exchangeEndpoint || '';
        this.serviceAccountStatus = view.serviceAccountStatus;
    }
}

/**
 * Turns the results JSON of a connection test into rows for the template.
 * @param {String} results JSON array of {name, status, message, suggestion}, or null
 */
function toChecks(results) {
    if (!results) {
        return [];
    }
    return JSON.parse(results).map((check, index) => {
        const state =
            CHECK_STATES[String(check.status || '').toUpperCase()] ||
            PENDING_STATE;
        return {
            key: `check-${index}`,
            name: check.name,
            status: state.label,
            message: check.message,
            suggestion: state.label === 'Failed' ? check.suggestion : undefined,
            iconName: state.iconName,
            iconVariant: state.variant
        };
    });
}
