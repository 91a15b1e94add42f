import { LightningElement } from 'lwc';

/**
 * The Setup page's steps for Exchange Online: register the application in
 * Microsoft Entra ID, upload the worker's certificate, grant
 * Contacts.ReadWrite and Calendars.ReadWrite, limit the application to the
 * reps' mailboxes with RBAC for Applications, and test.
 */
export default class ExchangeSyncGraphSetupSteps extends LightningElement {}
