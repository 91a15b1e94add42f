import { createElement } from '@lwc/engine-dom';
import ExchangeSyncGraphSetupSteps from 'c/exchangeSyncGraphSetupSteps';

function render() {
    const element = createElement('c-exchange-sync-graph-setup-steps', {
        is: ExchangeSyncGraphSetupSteps
    });
    document.body.appendChild(element);
    return element;
}

function section(element, id) {
    return element.shadowRoot.querySelector(
        `c-exchange-sync-help-section[data-id="${id}"]`
    );
}

function text(node) {
    return node.textContent.replace(/\s+/g, ' ');
}

describe('c-exchange-sync-graph-setup-steps', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('has the five steps, the first one open', () => {
        const element = render();
        const sections = [
            ...element.shadowRoot.querySelectorAll(
                'c-exchange-sync-help-section'
            )
        ];
        expect(sections.map((s) => s.label)).toEqual([
            '1. Register the application in Microsoft Entra ID',
            "2. Upload the worker's certificate",
            '3. Give the application Contacts.ReadWrite and Calendars.ReadWrite',
            "4. Limit the application to your reps' mailboxes (RBAC for Applications)",
            '5. Run the connection test'
        ]);
        expect(sections[0].expanded).toBe(true);
        expect(sections[1].expanded).toBeFalsy();
    });

    it('registers the app and uploads only the public certificate', () => {
        const element = render();
        expect(text(section(element, 'register'))).toContain(
            'go to App registrations and click New registration'
        );
        const certificate = text(section(element, 'certificate'));
        expect(certificate).toContain(
            'Certificates & secrets, then Certificates, and click Upload certificate'
        );
        expect(certificate).toContain('(a .cer, .pem or .crt file)');
        expect(certificate).toContain('EXSYNC_GRAPH_CERTIFICATE_FILE');
        expect(certificate).toContain('EXSYNC_GRAPH_CLIENT_SECRET');
        expect(certificate).toContain('The private key stays with the worker');
    });

    it('grants the two application permissions and says plainly not to grant them twice', () => {
        const element = render();
        const permissions = text(section(element, 'permissions'));
        expect(permissions).toContain(
            'API permissions, click Add a permission, then Microsoft Graph, then Application permissions; select Contacts.ReadWrite and Calendars.ReadWrite, click Add permissions, then Grant admin consent'
        );
        const warning = text(
            section(element, 'permissions').querySelector('.entra-warning')
        );
        expect(warning).toContain("Don't do both.");
        expect(warning).toContain(
            'it adds to the RBAC for Applications assignments'
        );
        expect(warning).toContain('no longer limits Exchange Sync');
    });

    it('gives the Exchange Online PowerShell for RBAC for Applications', () => {
        const element = render();
        const commands = [
            ...section(element, 'scope').querySelectorAll('.command-line')
        ].map((line) => line.textContent);
        expect(commands).toEqual([
            'New-ServicePrincipal -AppId <appId> -ObjectId <enterprise application object ID> -DisplayName "Exchange Sync"',
            'New-ManagementScope -Name "Exchange Sync reps" -RecipientRestrictionFilter "MemberOfGroup -eq \'<distinguished name of the reps\' group>\'"',
            'New-ManagementRoleAssignment -App <appId> -Role "Application Contacts.ReadWrite" -CustomResourceScope "Exchange Sync reps"',
            'New-ManagementRoleAssignment -App <appId> -Role "Application Calendars.ReadWrite" -CustomResourceScope "Exchange Sync reps"',
            "Test-ServicePrincipalAuthorization -Identity <appId> -Resource <a rep's mailbox>"
        ]);
        expect(text(section(element, 'scope'))).toContain(
            '"CustomAttribute1 -eq \'ExchangeSync\'"'
        );
    });

    it('names the checks the connection test reports for Exchange Online', () => {
        const element = render();
        const test = text(section(element, 'test'));
        [
            'Token',
            'Permissions',
            'Mailbox in scope',
            'Contacts folder',
            'Calendar'
        ].forEach((check) => expect(test).toContain(`(${check})`));
    });

    it('recommends RBAC for Applications and says Permissions does not fail without admin consent', () => {
        const element = render();
        expect(text(section(element, 'permissions'))).toContain(
            "grant them with RBAC for Applications in Exchange Online (step 4), and don't grant them in Microsoft Entra ID."
        );
        const check = text(
            section(element, 'test').querySelector('.permissions-check')
        );
        expect(check).toContain(
            "RBAC for Applications roles never appear in the application's token, so Permissions passes either way"
        );
        expect(check).toContain(
            'a missing role or a scope without the mailbox fails the first check that needs it'
        );
        expect(text(section(element, 'scope'))).toContain(
            '-RecipientAdministrativeUnitScope'
        );
    });
});
