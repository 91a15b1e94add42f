import {
    systemSections,
    userSections,
    syncStatusMeaning,
    USER_SYNC_STATUSES,
    RESET_STATUS_MEANINGS
} from '../statusTexts';

const NOW = new Date('2025-11-25T10:10:00.000Z').getTime();
const mockSystemStatus = require('./data/systemStatus.json');
const mockUserStatus = require('./data/userStatus.json');

function rowOf(sections, key) {
    return sections
        .flatMap((section) => section.rows)
        .find((row) => row.key === key);
}

function minutesAgo(minutes) {
    return new Date(NOW - minutes * 60000).toISOString();
}

describe('c-exchange-sync-status statusTexts', () => {
    it('lays out the system statuses as the guide tables 1-3', () => {
        const sections = systemSections(mockSystemStatus, NOW);
        expect(sections.map((s) => s.title)).toEqual([
            'Configuration Setup',
            'Contacts',
            'Events'
        ]);
        expect(sections[0].rows.map((r) => r.condition)).toEqual([
            'Microsoft Exchange service account provided',
            'Salesforce recognizes Microsoft Exchange service account',
            'Users in active Salesforce Exchange configurations',
            'Users with linked Microsoft Exchange and Salesforce email addresses'
        ]);
        expect(sections[1].rows.map((r) => r.condition)).toEqual([
            'Last sync activity',
            'Records synced in last 60 minutes',
            'Records synced in last 24 hours'
        ]);
    });

    it('explains the service account statuses', () => {
        const ok = systemSections(mockSystemStatus, NOW);
        expect(rowOf(ok, 'service-account-provided').value).toBe('Provided');
        expect(rowOf(ok, 'service-account-recognized').meaning).toContain(
            'recognized that the service account'
        );
        const bad = systemSections(
            {
                ...mockSystemStatus,
                serviceAccountProvided: false,
                serviceAccountRecognized: false
            },
            NOW
        );
        expect(rowOf(bad, 'service-account-provided').value).toBe('None');
        expect(rowOf(bad, 'service-account-provided').meaning).toContain(
            "couldn't save your service account"
        );
        expect(rowOf(bad, 'service-account-recognized').value).toBe('No');
        expect(rowOf(bad, 'service-account-recognized').meaning).toContain(
            "couldn't recognize"
        );
    });

    it('compares linked addresses with users in active configurations', () => {
        const meaning = (inConfigurations, linked) =>
            rowOf(
                systemSections(
                    {
                        ...mockSystemStatus,
                        usersInActiveConfigurations: inConfigurations,
                        usersWithLinkedAddresses: linked
                    },
                    NOW
                ),
                'users-with-linked-addresses'
            ).meaning;
        expect(meaning(12, 12)).toMatch(/^All of your users/);
        expect(meaning(12, 10)).toMatch(/^Some of your users/);
        expect(meaning(12, 0)).toMatch(
            /^None of your users' Microsoft Exchange email addresses/
        );
        expect(meaning(0, 0)).toMatch(/^None of your users is in active/);
        expect(
            rowOf(
                systemSections(
                    { ...mockSystemStatus, usersInActiveConfigurations: 0 },
                    NOW
                ),
                'users-in-configurations'
            ).meaning
        ).toBe('None of your users is in active Exchange Sync configurations.');
    });

    it('ages the last sync activity: minutes, hours, a past date, none', () => {
        const meaning = (lastContactSyncActivity) =>
            rowOf(
                systemSections(
                    { ...mockSystemStatus, lastContactSyncActivity },
                    NOW
                ),
                'contacts-last-activity'
            );
        expect(meaning(minutesAgo(5)).meaning).toContain(
            'In general, Exchange Sync is syncing records as expected'
        );
        expect(meaning(minutesAgo(5)).dateValue).toBe(minutesAgo(5));
        expect(meaning(minutesAgo(180)).meaning).toContain(
            'initial contacts sync might take up to several hours'
        );
        expect(meaning(minutesAgo(3 * 24 * 60)).meaning).toContain(
            "doesn't sync again within 24 hours"
        );
        expect(meaning(null).value).toBe('None');
    });

    it('explains zero and non-zero record counts for events', () => {
        const sections = systemSections(mockSystemStatus, NOW);
        expect(rowOf(sections, 'events-last-60-minutes').meaning).toContain(
            "hasn't synced any events within the last 60 minutes"
        );
        expect(rowOf(sections, 'events-last-24-hours').meaning).toContain(
            "hasn't synced any events within the last 24 hours"
        );
        expect(rowOf(sections, 'contacts-last-60-minutes').value).toBe('42');
        expect(rowOf(sections, 'contacts-last-24-hours').meaning).toBe(
            'Within the last 24 hours, your organization synced this number of contacts.'
        );
    });

    it('has a distinct meaning for every user sync status in both directions', () => {
        const meanings = USER_SYNC_STATUSES.map((value) =>
            syncStatusMeaning('events', 'Exchange', 'Salesforce', value)
        );
        expect(new Set(meanings).size).toBe(USER_SYNC_STATUSES.length);
        expect(
            syncStatusMeaning(
                'contacts',
                'Salesforce',
                'Exchange',
                'Initial sync in progress'
            )
        ).toBe(
            "This user's contacts are syncing from Salesforce to Exchange for the first time. This initial sync might take several hours."
        );
        expect(
            syncStatusMeaning(
                'events',
                'Exchange',
                'Salesforce',
                'Exchange configuration not set to sync'
            )
        ).toBe(
            "This user isn't set up to sync events from Exchange to Salesforce in an active Exchange Sync configuration."
        );
    });

    it('lays out the user statuses as the guide tables 4-6', () => {
        const sections = userSections(mockUserStatus);
        expect(sections.map((s) => s.title)).toEqual([
            'Configuration Setup',
            'Contacts',
            'Events'
        ]);
        expect(rowOf(sections, 'assigned').value).toBe('Yes');
        expect(rowOf(sections, 'recognized').value).toBe('No');
        expect(rowOf(sections, 'reset-status')).toBeUndefined();
        expect(rowOf(sections, 'contacts-addresses-linked').meaning).toContain(
            'Reset sync for this user'
        );
        expect(rowOf(sections, 'contacts-to-exchange').value).toBe('In sync');
        expect(rowOf(sections, 'contacts-in-sync').value).toBe('87');
        expect(rowOf(sections, 'events-last-sync').value).toBe('None');
    });

    it('shows the reset status only while a reset is pending', () => {
        Object.keys(RESET_STATUS_MEANINGS).forEach((resetStatus) => {
            const reset = rowOf(
                userSections({ ...mockUserStatus, resetStatus }),
                'reset-status'
            );
            expect(reset.value).toBe(resetStatus);
            expect(reset.meaning).toBe(RESET_STATUS_MEANINGS[resetStatus]);
        });
    });
});
