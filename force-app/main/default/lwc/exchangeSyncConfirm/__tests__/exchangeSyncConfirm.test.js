import { createElement } from '@lwc/engine-dom';
import ExchangeSyncConfirm from 'c/exchangeSyncConfirm';

function render() {
    const element = createElement('c-exchange-sync-confirm', {
        is: ExchangeSyncConfirm
    });
    element.label = 'Delete Exchange Sync Configuration';
    element.message = 'Delete the configuration "Sales Reps Europe"?';
    element.confirmLabel = 'Delete';
    document.body.appendChild(element);
    return element;
}

function button(element, id) {
    return element.shadowRoot.querySelector(
        `lightning-button[data-id="${id}"]`
    );
}

describe('c-exchange-sync-confirm', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('names the action on its button, not OK', () => {
        const element = render();
        expect(
            element.shadowRoot.querySelector('lightning-modal-header').label
        ).toBe('Delete Exchange Sync Configuration');
        expect(element.shadowRoot.querySelector('.message').textContent).toBe(
            'Delete the configuration "Sales Reps Europe"?'
        );
        expect(button(element, 'cancel').label).toBe('Cancel');
        expect(button(element, 'confirm').label).toBe('Delete');
        expect(button(element, 'confirm').variant).toBe('brand');
    });

    it('closes with true when the action is confirmed', () => {
        const element = render();
        const closed = jest.fn();
        element.addEventListener('close', closed);
        button(element, 'confirm').click();
        expect(closed.mock.calls[0][0].detail).toBe(true);
    });

    it('closes with false on Cancel', () => {
        const element = render();
        const closed = jest.fn();
        element.addEventListener('close', closed);
        button(element, 'cancel').click();
        expect(closed.mock.calls[0][0].detail).toBe(false);
    });
});
