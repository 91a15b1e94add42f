// The pages the preview serves: each of the package's admin pages, as the
// Exchange Sync app's tabs show them in an org.
export const PAGES = [
    { path: '/setup', title: 'Exchange Sync Setup', tab: 'Setup', component: 'exchangeSyncSetup', scenario: 'ews' },
    {
        path: '/setup-graph',
        title: 'Exchange Sync Setup (Exchange Online)',
        tab: 'Setup',
        component: 'exchangeSyncSetup',
        scenario: 'graph'
    },
    {
        path: '/configurations',
        title: 'Exchange Sync Configurations',
        tab: 'Configurations',
        component: 'exchangeSyncConfigurations',
        scenario: 'ews'
    },
    {
        path: '/configurations/edit',
        title: 'Edit Exchange Sync Configuration',
        tab: 'Configurations',
        component: 'exchangeSyncConfigurationEditor',
        scenario: 'ews',
        configurationId: 'a01000000000001AAA'
    },
    { path: '/status', title: 'Exchange Sync Status', tab: 'Status', component: 'exchangeSyncStatus', scenario: 'ews' }
];

/** The app's navigation bar, as in the Exchange Sync Lightning app (applications/Exchange_Sync.app-meta.xml) */
export const TABS = [
    { label: 'Setup', path: '/setup' },
    { label: 'Configurations', path: '/configurations' },
    { label: 'Status', path: '/status' }
];
