// sfdx-lwc-jest has no lightning/modal: this stands in for LightningModal.
// open() resolves to undefined (the dialog closed) unless a test spies on it;
// close(result) fires "close" with the result, so a test can read it.
import { LightningElement, api } from 'lwc';

export default class LightningModal extends LightningElement {
    @api size;
    @api label;
    @api description;
    @api disableClose;

    static open() {
        return Promise.resolve();
    }

    close(result) {
        this.dispatchEvent(new CustomEvent('close', { detail: result }));
    }
}
