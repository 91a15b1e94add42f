import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';

/**
 * Shows a friendly message and the messages of one or more errors
 * (Apex, Lightning Data Service or JavaScript), reduced by reduceErrors.
 */
export default class ErrorPanel extends LightningElement {
    /** Short sentence saying what failed, shown above the error messages */
    @api friendlyMessage = 'Something went wrong.';
    /** One error or an array of errors */
    @api errors;

    get errorMessages() {
        return reduceErrors(this.errors).map((message, index) => ({
            key: `message-${index}`,
            message
        }));
    }
}
