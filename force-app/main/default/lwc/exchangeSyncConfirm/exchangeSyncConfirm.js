import { api } from 'lwc';
import LightningModal from 'lightning/modal';

/**
 * A confirmation whose button names the action, as Salesforce's own
 * "Delete …" dialogs do (LightningConfirm only offers Cancel and OK).
 * ExchangeSyncConfirm.open({label, message, confirmLabel, size: 'small'})
 * resolves to true when the admin confirms, and to false or undefined when
 * they cancel or close the dialog.
 */
export default class ExchangeSyncConfirm extends LightningModal {
    // label, the dialog's heading ("Delete Exchange Sync Configuration"), is LightningModal's
    /** What happens if the admin confirms */
    @api message;
    /** The action's button, such as "Delete" or "Reset Sync" */
    @api confirmLabel = 'Confirm';

    handleCancel() {
        this.close(false);
    }

    handleConfirm() {
        this.close(true);
    }
}
