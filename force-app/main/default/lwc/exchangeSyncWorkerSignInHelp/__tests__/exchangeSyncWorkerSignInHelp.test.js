import { createElement } from '@lwc/engine-dom';
import ExchangeSyncWorkerSignInHelp from 'c/exchangeSyncWorkerSignInHelp';

function render() {
    const element = createElement('c-exchange-sync-worker-sign-in-help', {
        is: ExchangeSyncWorkerSignInHelp
    });
    document.body.appendChild(element);
    return element;
}

function text(element) {
    return element.shadowRoot.textContent.replace(/\s+/g, ' ');
}

describe('c-exchange-sync-worker-sign-in-help', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('gives the one command that makes the key and the certificate', () => {
        const element = render();
        expect(
            element.shadowRoot.querySelector('.command-line').textContent
        ).toBe(
            'openssl req -x509 -newkey rsa:2048 -sha256 -days 730 -nodes -subj "/CN=Exchange Sync worker" -keyout exsync-sf.key -out exsync-sf.crt'
        );
        expect(text(element)).toContain(
            'exsync-sf.key is the private key, in PKCS#8 PEM: keep it with the worker'
        );
    });

    it('names the External Client App, the JWT bearer flow and the permission set', () => {
        const element = render();
        expect(
            element.shadowRoot.querySelector('c-exchange-sync-help-section')
                .label
        ).toBe('Connect the Exchange Sync worker to Salesforce');
        const help = text(element);
        // The names of the packaged metadata (externalClientApps/Exchange_Sync,
        // permissionsets/Exchange_Sync_Integration) and of docs/salesforce-sign-in.md
        expect(help).toContain(
            'External Client App Exchange Sync (API name Exchange_Sync), as your integration user'
        );
        expect(help).toContain('open Exchange Sync. In its OAuth settings');
        expect(help).toContain(
            'enable the JWT bearer flow and upload exsync-sf.crt'
        );
        expect(help).toContain('The path of exsync-sf.key');
        expect(help).not.toMatch(/Exchange Sync Worker|exsync-worker/);
        expect(help).toContain(
            'pre-authorize the integration user through the Exchange Sync Integration permission set'
        );
        expect(help).not.toMatch(/EXSYNC_SF_PASSWORD/);
    });

    it("lists the worker's variables for both flows", () => {
        const element = render();
        const variables = [
            ...element.shadowRoot.querySelectorAll('td.variable')
        ].map((cell) => cell.textContent.trim());
        expect(variables).toEqual([
            'EXSYNC_SF_LOGIN_URL',
            'EXSYNC_SF_CLIENT_ID',
            'EXSYNC_SF_USERNAME',
            'EXSYNC_SF_PRIVATE_KEY_FILE'
        ]);
        const help = text(element);
        expect(help).toContain(
            "https://login.salesforce.com, https://test.salesforce.com for a sandbox, or your org's My Domain URL"
        );
        expect(help).toContain("The app's consumer key");
        expect(help).toContain(
            'set its Run As user to the integration user, and give the worker EXSYNC_SF_CLIENT_SECRET'
        );
    });
});
