import { LightningElement, api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getConfiguration from '@salesforce/apex/ExchangeSyncConfigurationController.getConfiguration';
import saveConfiguration from '@salesforce/apex/ExchangeSyncConfigurationController.saveConfiguration';
import getFieldOptions from '@salesforce/apex/ExchangeSyncConfigurationController.getFieldOptions';
import {
    CONFLICT_OPTIONS,
    DIRECTION_OPTIONS,
    EVENT_FILTER_OPTIONS,
    LAST_N_DAYS,
    MATCH_OPTIONS,
    MAX_EVENT_FILTER_DAYS,
    SCOPE_OPTIONS,
    SELECTED_CONTACTS,
    TO_EXCHANGE_DIRECTIONS,
    newConfiguration
} from './configurationOptions';
import {
    FILTER_FIELD_REQUIRED,
    parseContactFilter,
    serializeContactFilter
} from 'c/exchangeSyncContactFilters';

/**
 * Creates or edits one Exchange Sync configuration: basic information, users
 * and profiles, contact and event settings, field mappings.
 * Fires "save" with detail {id} once saved, and "cancel".
 */
export default class ExchangeSyncConfigurationEditor extends LightningElement {
    /** The configuration to edit; none for a new one */
    @api configurationId;

    view;
    isLoading = true;
    isSaving = false;
    error;
    errorSummary = 'The configuration could not be loaded or saved.';
    fieldOptions = { Contact: [], Event: [] };
    fieldOptionsError;

    directionOptions = DIRECTION_OPTIONS;
    conflictOptions = CONFLICT_OPTIONS;
    matchOptions = MATCH_OPTIONS;
    scopeOptions = SCOPE_OPTIONS;
    eventFilterOptions = EVENT_FILTER_OPTIONS;
    maxEventFilterDays = MAX_EVENT_FILTER_DAYS;

    @wire(getFieldOptions)
    wiredFieldOptions({ data, error }) {
        if (data) {
            this.fieldOptions = data;
            this.fieldOptionsError = undefined;
        } else if (error) {
            this.fieldOptionsError = error;
        }
    }

    async connectedCallback() {
        try {
            const view = this.configurationId
                ? await getConfiguration({
                      configurationId: this.configurationId
                  })
                : newConfiguration();
            const filter = parseContactFilter(view.contactFilter);
            this.view = { ...withRowKeys(view), contactFilters: filter.rows };
            if (filter.error) {
                this.errorSummary =
                    'The contact field filters could not be read.';
                this.error = [{ message: filter.error }];
            } else {
                this.error = undefined;
            }
        } catch (error) {
            this.error = error;
        } finally {
            this.isLoading = false;
        }
    }

    get title() {
        return this.configurationId
            ? 'Edit Exchange Sync Configuration'
            : 'New Exchange Sync Configuration';
    }

    get showSpinner() {
        return this.isLoading || this.isSaving;
    }

    get saveDisabled() {
        return !this.view || this.showSpinner;
    }

    /** The members as the picker lists them: [{memberType, value, label}] */
    get selectedMembers() {
        return this.view.members.map((member) => ({
            memberType: member.memberType,
            value:
                member.memberType === 'User' ? member.userId : member.profileId,
            label: member.label
        }));
    }

    get showEventFilterDays() {
        return this.view.eventFilter === LAST_N_DAYS;
    }

    get showOwnershipWarning() {
        return (
            this.view.contactScope === SELECTED_CONTACTS &&
            !this.view.contactUsersRecords
        );
    }

    get contactMappings() {
        return this.mappingsOf('Contact');
    }

    get eventMappings() {
        return this.mappingsOf('Event');
    }

    get contactFieldOptions() {
        return this.fieldOptions.Contact || [];
    }

    get eventFieldOptions() {
        return this.fieldOptions.Event || [];
    }

    mappingsOf(objectName) {
        return this.view.fieldMappings.filter(
            (mapping) => mapping.objectName === objectName
        );
    }

    /** Inputs name the view property they edit in data-field */
    handleValueChange(event) {
        const field = event.target.dataset.field;
        this.view = { ...this.view, [field]: event.detail.value };
    }

    handleCheckedChange(event) {
        const field = event.target.dataset.field;
        this.view = { ...this.view, [field]: event.target.checked };
    }

    /** Members that stay keep their record ids; new ones get none */
    handleMembersChange(event) {
        const idOf = (member) => {
            return member.memberType === 'User'
                ? member.userId
                : member.profileId;
        };
        const members = event.detail.selected.map(
            ({ memberType, value, label }) =>
                this.view.members.find(
                    (member) =>
                        member.memberType === memberType &&
                        idOf(member) === value
                ) || {
                    id: null,
                    memberType,
                    userId: memberType === 'User' ? value : null,
                    profileId: memberType === 'Profile' ? value : null,
                    label
                }
        );
        this.view = { ...this.view, members };
    }

    handleMappingsChange(event) {
        const { objectName, mappings } = event.detail;
        const others = this.view.fieldMappings.filter(
            (mapping) => mapping.objectName !== objectName
        );
        this.view = {
            ...this.view,
            fieldMappings:
                objectName === 'Contact'
                    ? [...mappings, ...others]
                    : [...others, ...mappings]
        };
    }

    handleFiltersChange(event) {
        this.view = { ...this.view, contactFilters: event.detail.filters };
    }

    handleCancel() {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    async handleSave() {
        this.template
            .querySelectorAll('lightning-input, lightning-combobox')
            .forEach((input) => input.reportValidity());
        const problems = validate(this.view);
        if (problems.length > 0) {
            this.errorSummary = 'Check the configuration before saving.';
            this.error = problems.map((message) => ({ message }));
            return;
        }
        this.errorSummary = 'The configuration could not be saved.';
        this.isSaving = true;
        try {
            const id = await saveConfiguration({
                configurationJson: JSON.stringify(toPayload(this.view))
            });
            this.error = undefined;
            this.dispatchEvent(
                new ShowToastEvent({
                    title: 'Exchange Sync configuration saved',
                    message: `"${this.view.name}" is saved. Its users sync with these settings at the next sync cycle.`,
                    variant: 'success'
                })
            );
            this.dispatchEvent(new CustomEvent('save', { detail: { id } }));
        } catch (error) {
            this.error = error;
        } finally {
            this.isSaving = false;
        }
    }
}

let keyCount = 0;

/** Gives each field mapping a stable key for the template */
function withRowKeys(view) {
    return {
        ...view,
        members: view.members || [],
        fieldMappings: (view.fieldMappings || []).map((mapping) => {
            keyCount += 1;
            return { ...mapping, key: mapping.id || `mapping-${keyCount}` };
        })
    };
}

/** The messages of what stops the configuration from being saved */
export function validate(view) {
    const problems = [];
    if (!view.name || !view.name.trim()) {
        problems.push('Enter a name for the configuration.');
    }
    if (view.eventFilter === LAST_N_DAYS) {
        const days = Number(view.eventFilterDays);
        if (
            !Number.isInteger(days) ||
            days < 1 ||
            days > MAX_EVENT_FILTER_DAYS
        ) {
            problems.push(
                'For LAST N DAYS, enter a number of days from 1 to 180. You can sync events that ended up to 180 days ago.'
            );
        }
    }
    if (
        TO_EXCHANGE_DIRECTIONS.includes(view.contactSyncDirection) &&
        view.contactScope === SELECTED_CONTACTS &&
        !view.contactUsersRecords
    ) {
        problems.push(
            "With Selected Contacts, also select User's Records, or no contacts sync for users in this configuration."
        );
    }
    if (
        view.fieldMappings.some(
            (mapping) => !mapping.salesforceField || !mapping.exchangeField
        )
    ) {
        problems.push(
            'Choose a Salesforce field and an Exchange field for each field mapping, or remove the mapping.'
        );
    }
    if ((view.contactFilters || []).some((filter) => !filter.field)) {
        problems.push(FILTER_FIELD_REQUIRED);
    }
    ['Contact', 'Event'].forEach((objectName) => {
        const exchangeFields = view.fieldMappings
            .filter(
                (mapping) =>
                    mapping.objectName === objectName && mapping.exchangeField
            )
            .map((mapping) => mapping.exchangeField);
        if (new Set(exchangeFields).size < exchangeFields.length) {
            problems.push(
                `Map each Exchange field of ${objectName} records only once.`
            );
        }
    });
    return problems;
}

/** The view in the shape saveConfiguration reads, without the page's own keys */
export function toPayload(view) {
    return {
        id: view.id || null,
        name: view.name.trim(),
        active: !!view.active,
        description: view.description || null,
        contactSyncDirection: view.contactSyncDirection,
        contactConflictBehavior: view.contactConflictBehavior,
        contactMatchPreference: view.contactMatchPreference,
        contactScope: view.contactScope,
        contactUsersRecords: !!view.contactUsersRecords,
        contactFilter: serializeContactFilter(view.contactFilters),
        eventSyncDirection: view.eventSyncDirection,
        eventConflictBehavior: view.eventConflictBehavior,
        syncPrivateEvents: !!view.syncPrivateEvents,
        eventFilter: view.eventFilter,
        eventFilterDays:
            view.eventFilter === LAST_N_DAYS
                ? Number(view.eventFilterDays)
                : null,
        members: view.members.map((member) => ({
            id: member.id || null,
            memberType: member.memberType,
            userId: member.userId || null,
            profileId: member.profileId || null,
            label: member.label
        })),
        fieldMappings: view.fieldMappings.map((mapping) => ({
            id: mapping.id || null,
            objectName: mapping.objectName,
            salesforceField: mapping.salesforceField,
            exchangeField: mapping.exchangeField
        }))
    };
}
