// The Apex controllers of the package as the preview answers them: an org in
// memory, filled from the JSON fixtures the Jest tests use
// (force-app/main/default/lwc/*/__tests__/data). Each scenario (the EWS org,
// the Exchange Online org) is its own org, so pages do not disturb each other.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export class ApexError extends Error {}

function fixtureReader(lwcDir) {
    return (component, name) =>
        JSON.parse(readFileSync(path.join(lwcDir, component, '__tests__/data', `${name}.json`), 'utf8'));
}

/** Dates in the fixtures are fixed; the preview moves them so the latest is a few minutes old. */
function rebaseDates(status, fields, now) {
    const times = fields.map((field) => status[field]).filter(Boolean).map((value) => Date.parse(value));
    if (times.length === 0) {
        return status;
    }
    const shift = now - 5 * 60000 - Math.max(...times);
    const moved = { ...status };
    fields.filter((field) => status[field]).forEach((field) => {
        moved[field] = new Date(Date.parse(status[field]) + shift).toISOString();
    });
    return moved;
}

function matching(options, term) {
    const needle = String(term || '').trim().toLowerCase();
    return needle.length < 2 ? [] : options.filter((option) => option.label.toLowerCase().includes(needle));
}

function unionByValue(...lists) {
    const byValue = new Map();
    lists.flat().forEach((option) => byValue.set(option.value, option));
    return [...byValue.values()];
}

// New record IDs count from 900000000001: the fixtures' IDs count from 1, and
// a new configuration must never take the ID of one the fixtures already hold
let idCount = 900000000000;
function newId(prefix) {
    idCount += 1;
    return `${prefix}${idCount}AAA`;
}

/** One org: the state the pages read and write through the controllers. */
export async function createOrg(lwcDir, scenario, now = Date.now()) {
    const fixture = fixtureReader(lwcDir);
    // A configuration the list names without details has the editor's defaults
    // (an LWC module: plain ES, read as source since the package isn't "type": "module")
    const source = readFileSync(path.join(lwcDir, 'exchangeSyncConfigurationEditor/configurationOptions.js'), 'utf8');
    const { newConfiguration } = await import(`data:text/javascript,${encodeURIComponent(source)}`);
    const setupFixture = scenario === 'graph' ? 'setupGraph' : 'setup';
    const state = {
        setup: fixture('exchangeSyncSetup', setupFixture),
        tests: new Map(),
        configurations: new Map(),
        userStatuses: new Map()
    };
    const detail = fixture('exchangeSyncConfigurationEditor', 'configuration');
    fixture('exchangeSyncConfigurations', 'configurations').forEach((row) => {
        state.configurations.set(row.id, row.id === detail.id ? detail : { ...newConfiguration(), ...row, description: row.description || '' });
    });
    const statusUsers = fixture('exchangeSyncStatus', 'users');

    function finalTestFor(email) {
        const domains = [state.setup.username, state.setup.additionalDomains]
            .filter(Boolean)
            .join(',')
            .toLowerCase();
        const domain = email.split('@')[1] || '';
        if (state.setup.exchangeType === 'Exchange Online (Microsoft Graph)') {
            return fixture('exchangeSyncSetup', 'connectionTestGraphPassed');
        }
        return domains.includes(domain.toLowerCase())
            ? fixture('exchangeSyncSetup', 'connectionTestPassed')
            : fixture('exchangeSyncSetup', 'connectionTestFailed');
    }

    function listRow(configuration) {
        const members = configuration.members || [];
        return {
            id: configuration.id,
            name: configuration.name,
            active: configuration.active,
            description: configuration.description,
            userCount: members.filter((member) => member.memberType === 'User').length,
            profileCount: members.filter((member) => member.memberType === 'Profile').length
        };
    }

    function userStatus(userId) {
        if (!state.userStatuses.has(userId)) {
            const user = statusUsers.find((option) => option.value === userId);
            if (!user) {
                throw new ApexError("This user doesn't exist or you can't see them.");
            }
            state.userStatuses.set(userId, { ...fixture('exchangeSyncStatus', 'userStatus'), userId, userName: user.label });
        }
        return rebaseDates(state.userStatuses.get(userId), ['lastContactSync', 'lastEventSync'], now);
    }

    return {
        'ExchangeSyncSetupController.getSetup': () => state.setup,
        'ExchangeSyncSetupController.saveSetup': (params) => {
            const { password, ...fields } = params;
            state.setup = {
                ...state.setup,
                ...fields,
                passwordStored: state.setup.passwordStored || !!password
            };
            return state.setup;
        },
        'ExchangeSyncSetupController.requestConnectionTest': ({ email }) => {
            const id = newId('a0C');
            state.tests.set(id, { id, email, polls: 0, final: finalTestFor(email) });
            return id;
        },
        // Each read shows one more check, as the middleware writes them one by one
        'ExchangeSyncSetupController.getConnectionTest': ({ testId }) => {
            const test = state.tests.get(testId);
            if (!test) {
                throw new ApexError("This connection test no longer exists or you can't see it.");
            }
            test.polls += 1;
            const checks = JSON.parse(test.final.results).map((check) => ({
                ...check,
                message: check.message.split(test.final.email).join(test.email)
            }));
            const done = test.polls > checks.length;
            return {
                id: test.id,
                email: test.email,
                status: done ? test.final.status : 'Running',
                results: JSON.stringify(checks.slice(0, test.polls))
            };
        },
        'ExchangeSyncConfigurationController.listConfigurations': () => [...state.configurations.values()].map(listRow),
        'ExchangeSyncConfigurationController.getConfiguration': ({ configurationId }) => {
            const configuration = state.configurations.get(configurationId);
            if (!configuration) {
                throw new ApexError("This configuration no longer exists or you can't see it.");
            }
            return configuration;
        },
        'ExchangeSyncConfigurationController.getFieldOptions': () => {
            const options = fixture('exchangeSyncConfigurationEditor', 'fieldOptions');
            return {
                Contact: unionByValue(options.Contact, fixture('exchangeSyncFieldMappings', 'contactFieldOptions')),
                Event: options.Event
            };
        },
        'ExchangeSyncConfigurationController.searchUsers': ({ term }) =>
            matching(fixture('exchangeSyncMemberPicker', 'users'), term),
        'ExchangeSyncConfigurationController.searchProfiles': ({ term }) =>
            matching(fixture('exchangeSyncMemberPicker', 'profiles'), term),
        'ExchangeSyncConfigurationController.saveConfiguration': ({ configurationJson }) => {
            const configuration = JSON.parse(configurationJson);
            configuration.id = configuration.id || newId('a01');
            configuration.members = configuration.members.map((member) => ({ ...member, id: member.id || newId('a02') }));
            configuration.fieldMappings = configuration.fieldMappings.map((mapping) => ({
                ...mapping,
                id: mapping.id || newId('a03')
            }));
            state.configurations.set(configuration.id, configuration);
            return configuration.id;
        },
        'ExchangeSyncConfigurationController.deleteConfiguration': ({ configurationId }) => {
            state.configurations.delete(configurationId);
            return null;
        },
        'ExchangeSyncStatusController.getSystemStatus': () =>
            rebaseDates(fixture('exchangeSyncStatus', scenario === 'graph' ? 'systemStatusGraph' : 'systemStatus'), ['lastContactSyncActivity', 'lastEventSyncActivity'], now),
        'ExchangeSyncStatusController.searchUsers': ({ term }) => matching(statusUsers, term),
        'ExchangeSyncStatusController.getUserStatus': ({ userId }) => userStatus(userId),
        'ExchangeSyncStatusController.resetSync': ({ userId }) => {
            const current = userStatus(userId);
            if (current.resetStatus === 'Reset in progress') {
                throw new ApexError('A reset is already in progress for this user.');
            }
            state.userStatuses.set(userId, { ...state.userStatuses.get(userId), resetStatus: 'Marked for reset' });
            return userStatus(userId);
        }
    };
}
