// lightning/platformShowToastEvent as an org has it: the event carries
// {title, message, variant, mode}; the page around the component shows it.
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', {
            bubbles: true,
            composed: true,
            cancelable: true,
            detail: toast
        });
    }
}
