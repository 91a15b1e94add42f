import { createElement } from '@lwc/engine-dom';
import ExchangeSyncHelpSection from 'c/exchangeSyncHelpSection';

function render(expanded) {
    const element = createElement('c-exchange-sync-help-section', {
        is: ExchangeSyncHelpSection
    });
    element.label = 'Register the application';
    element.expanded = expanded;
    document.body.appendChild(element);
    return element;
}

describe('c-exchange-sync-help-section', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('starts closed and opens and closes on its title', async () => {
        const element = render(false);
        const button = element.shadowRoot.querySelector('button');
        const content = element.shadowRoot.querySelector(
            '.slds-section__content'
        );
        expect(button.textContent).toBe('Register the application');
        expect(button.getAttribute('aria-expanded')).toBe('false');
        expect(content.hidden).toBe(true);

        button.click();
        await Promise.resolve();
        expect(button.getAttribute('aria-expanded')).toBe('true');
        expect(content.hidden).toBe(false);
        expect(
            element.shadowRoot
                .querySelector('.slds-section')
                .classList.contains('slds-is-open')
        ).toBe(true);

        button.click();
        await Promise.resolve();
        expect(content.hidden).toBe(true);
    });

    it('starts open when asked', () => {
        const element = render(true);
        expect(
            element.shadowRoot.querySelector('.slds-section__content').hidden
        ).toBe(false);
    });
});
