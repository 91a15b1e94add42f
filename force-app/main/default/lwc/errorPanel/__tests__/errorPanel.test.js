import { createElement } from '@lwc/engine-dom';
import ErrorPanel from 'c/errorPanel';

describe('c-error-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows the friendly message and each error message', () => {
        const element = createElement('c-error-panel', { is: ErrorPanel });
        element.friendlyMessage = 'The setup could not be saved.';
        element.errors = [
            { body: { message: 'Insufficient privileges' } },
            new Error('Network down')
        ];
        document.body.appendChild(element);

        const alert = element.shadowRoot.querySelector('[role="alert"]');
        expect(alert).not.toBeNull();
        expect(
            element.shadowRoot.querySelector('.friendly-message').textContent
        ).toBe('The setup could not be saved.');
        const messages = [
            ...element.shadowRoot.querySelectorAll('.error-messages li')
        ].map((li) => li.textContent);
        expect(messages).toEqual(['Insufficient privileges', 'Network down']);
    });

    it('shows a default friendly message', () => {
        const element = createElement('c-error-panel', { is: ErrorPanel });
        element.errors = new Error('x');
        document.body.appendChild(element);
        expect(
            element.shadowRoot.querySelector('.friendly-message').textContent
        ).toBe('Something went wrong.');
    });
});
