import { LightningElement } from 'lwc';

/**
 * The Setup page's help for the worker's Salesforce sign-in: OAuth 2.0
 * through the External Client App "Exchange Sync Worker", with the JWT bearer
 * flow (a key and certificate the admin makes) or the client credentials
 * flow, and the worker's EXSYNC_SF_* variables.
 */
export default class ExchangeSyncWorkerSignInHelp extends LightningElement {}
