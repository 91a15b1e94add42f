// The preview's entry: mounts one of the package's pages, named by the
// server in <body data-page>, inside a Lightning Experience-like frame, and
// shows the toasts the page fires as an org would.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import ExchangeSyncSetup from 'c/exchangeSyncSetup';
import ExchangeSyncConfigurations from 'c/exchangeSyncConfigurations';
import ExchangeSyncConfigurationEditor from 'c/exchangeSyncConfigurationEditor';
import ExchangeSyncStatus from 'c/exchangeSyncStatus';
import { showToast } from './toasts';

const PAGES = {
    exchangeSyncSetup: ['c-exchange-sync-setup', ExchangeSyncSetup],
    exchangeSyncConfigurations: ['c-exchange-sync-configurations', ExchangeSyncConfigurations],
    exchangeSyncConfigurationEditor: ['c-exchange-sync-configuration-editor', ExchangeSyncConfigurationEditor]
};
PAGES.exchangeSyncStatus = ['c-exchange-sync-status', ExchangeSyncStatus];

const { page, configurationId } = document.body.dataset;
const [tagName, constructor] = PAGES[page];
const element = createElement(tagName, { is: constructor });
if (configurationId) {
    element.configurationId = configurationId;
}
// The editor alone: Save and Cancel lead back to the list, as in the org
element.addEventListener('save', () => window.location.assign('/configurations'));
element.addEventListener('cancel', () => window.location.assign('/configurations'));
document.addEventListener('lightning__showtoast', (event) => showToast(event.detail));
document.getElementById('page').appendChild(element);
