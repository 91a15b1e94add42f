import { LightningElement, api } from 'lwc';

/**
 * A collapsible section of help, in the design system's expandable section
 * markup that Salesforce's Setup pages use: a title bar that opens and closes
 * the steps below it.
 */
export default class ExchangeSyncHelpSection extends LightningElement {
    /** The section's title */
    @api label;

    _expanded = false;

    /** Whether the section starts open */
    @api
    get expanded() {
        return this._expanded;
    }
    set expanded(value) {
        this._expanded = !!value;
    }

    get isCollapsed() {
        return !this._expanded;
    }

    get ariaExpanded() {
        return String(this._expanded);
    }

    get sectionClass() {
        return this._expanded ? 'slds-section slds-is-open' : 'slds-section';
    }

    handleToggle() {
        this._expanded = !this._expanded;
    }
}
