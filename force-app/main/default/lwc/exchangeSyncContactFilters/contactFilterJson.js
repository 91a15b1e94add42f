/**
 * The contact field filter as the middleware reads it from
 * Exchange_Sync_Configuration__c.Contact_Filter__c: a JSON list of
 * conditions, all of which must hold:
 * [{"field":"MailingCountry","operator":"EQUALS","value":"France"}].
 */
export const OPERATOR_OPTIONS = [
    { value: 'EQUALS', label: 'equals' },
    { value: 'NOT_EQUALS', label: 'not equal to' },
    { value: 'STARTS_WITH', label: 'starts with' },
    { value: 'CONTAINS', label: 'contains' }
];

export const DEFAULT_OPERATOR = 'EQUALS';

const OPERATORS = OPERATOR_OPTIONS.map((option) => option.value);
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

export const FILTER_UNREADABLE =
    'The stored contact field filters are not a list of conditions Exchange Sync can read, so none are shown. Add the filters again, or save to clear them.';
export const FILTER_FIELD_REQUIRED =
    'Choose a Contact field for each contact field filter, or remove the filter.';

let keyCount = 0;

function isCondition(condition) {
    return (
        condition !== null &&
        typeof condition === 'object' &&
        !Array.isArray(condition) &&
        typeof condition.field === 'string' &&
        FIELD_NAME.test(condition.field) &&
        OPERATORS.includes(condition.operator) &&
        typeof condition.value === 'string'
    );
}

/** A new row for the page, with its key */
export function newFilterRow(condition = {}) {
    keyCount += 1;
    return {
        key: `filter-${keyCount}`,
        field: condition.field || null,
        operator: condition.operator || DEFAULT_OPERATOR,
        value: condition.value || ''
    };
}

/**
 * The rows of a stored filter.
 * @returns {{rows: Array, error: (string|undefined)}} no rows and an error
 * message when the value is not such a list; blank is no filter
 */
export function parseContactFilter(stored) {
    if (stored === null || stored === undefined || !String(stored).trim()) {
        return { rows: [] };
    }
    let parsed;
    try {
        parsed = JSON.parse(stored);
    } catch {
        return { rows: [], error: FILTER_UNREADABLE };
    }
    if (!Array.isArray(parsed) || !parsed.every(isCondition)) {
        return { rows: [], error: FILTER_UNREADABLE };
    }
    return { rows: parsed.map((condition) => newFilterRow(condition)) };
}

/** The JSON to store for the rows, without the page's keys; null for none */
export function serializeContactFilter(rows) {
    if (!rows || rows.length === 0) {
        return null;
    }
    return JSON.stringify(
        rows.map((row) => ({
            field: row.field,
            operator: row.operator,
            value: row.value || ''
        }))
    );
}
