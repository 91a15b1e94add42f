/**
 * Picklist values of Exchange_Sync_Configuration__c, exactly as the object
 * defines them, and the settings of a new configuration (the picklists' defaults).
 */
function options(values) {
    return values.map((value) => ({ value, label: value }));
}

export const LAST_N_DAYS = 'LAST N DAYS';
export const SELECTED_CONTACTS = 'Selected Contacts';
export const MAX_EVENT_FILTER_DAYS = 180;

export const DIRECTION_OPTIONS = options([
    "Don't sync",
    'Salesforce to Exchange',
    'Exchange to Salesforce',
    'Both directions'
]);
export const CONFLICT_OPTIONS = options(['Salesforce wins', 'Exchange wins']);
export const MATCH_OPTIONS = options([
    'Has the most recent activity',
    'Was last updated',
    'Has the oldest creation date'
]);
export const SCOPE_OPTIONS = options([SELECTED_CONTACTS, 'All Contacts']);
export const EVENT_FILTER_OPTIONS = options([
    'TODAY',
    'LAST MONTH',
    LAST_N_DAYS
]);

/** Directions in which contacts sync from Salesforce, where the ownership filter applies */
export const TO_EXCHANGE_DIRECTIONS = [
    'Salesforce to Exchange',
    'Both directions'
];

export function newConfiguration() {
    return {
        id: null,
        name: '',
        active: false,
        description: '',
        contactSyncDirection: "Don't sync",
        contactConflictBehavior: 'Salesforce wins',
        contactMatchPreference: 'Has the most recent activity',
        contactScope: SELECTED_CONTACTS,
        contactUsersRecords: true,
        contactFilter: '',
        eventSyncDirection: "Don't sync",
        eventConflictBehavior: 'Salesforce wins',
        syncPrivateEvents: false,
        eventFilter: 'TODAY',
        eventFilterDays: null,
        members: [],
        fieldMappings: []
    };
}
