import { LightningElement, api } from 'lwc';

/**
 * One table of the Exchange Sync Status page: each status, its value and
 * what the value means, with the admin guide's column headings.
 */
export default class ExchangeSyncStatusSection extends LightningElement {
    /** {key, title, rows: [{key, condition, value, dateValue, iconName, iconVariant, meaning}]} */
    @api section;
}
