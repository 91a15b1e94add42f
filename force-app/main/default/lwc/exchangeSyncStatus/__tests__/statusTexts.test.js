import {
    systemSections,
    userSections,
    syncStatusMeaning,
    USER_SYNC_STATUSES,
    RESET_STATUS_MEANINGS,
    YES_ICON,
    NO_ICON
} from '../statusTexts';

const NOW = new Date('2025-11-25T10:10:00.000Z').getTime();
const mockSystemStatus = require('./data/systemStatus.json');
const mockSystemStatusGraph = require('./data/systemStatusGraph.json');
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
        // The guide's table 1 shows "Your Service Account User Name"
        expect(rowOf(ok, 'service-account-provided').value).toBe(
            'svcacct@awcomputing.com'
        );
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

    it('shows the application ID where Exchange Online has no service account', () => {
        const provided = rowOf(
            systemSections(mockSystemStatusGraph, NOW),
            'service-account-provided'
        );
        expect(provided.condition).toBe(
            'Microsoft Exchange Online application provided'
        );
        expect(provided.value).toBe('8f0c2a1e-4b6d-4f3a-9c1b-2d7e5a6f9b30');
        expect(provided.meaning).toContain('application (client) ID');
    });

    it('colours Yes green and No red', () => {
        const sections = [
            ...systemSections(mockSystemStatus, NOW),
            ...userSections(mockUserStatus)
        ];
        const yes = rowOf(sections, 'assigned');
        expect(yes.value).toBe('Yes');
        expect([yes.iconName, yes.iconVariant]).toEqual([
            YES_ICON.iconName,
            'success'
        ]);
        const no = rowOf(sections, 'recognized');
        expect(no.value).toBe('No');
        expect([no.iconName, no.iconVariant]).toEqual([
            NO_ICON.iconName,
            'error'
        ]);
        expect(rowOf(sections, 'service-account-provided').iconVariant).toBe(
            'success'
        );
    });

    it('reads the recognized picklist: Recognized, Not recognized or not checked yet', () => {
        const recognized = (value) =>
            rowOf(
                userSections({
                    ...mockUserStatus,
                    recognizedByServiceAccount: value
                }),
                'recognized'
            );
        expect(recognized('Recognized').value).toBe('Yes');
        expect(recognized('Not recognized').value).toBe('No');
        expect(recognized('Not recognized').meaning).toContain(
            "isn't represented by the service account"
        );
        expect(recognized(null).value).toBe('None');
        expect(recognized(null).iconName).toBeUndefined();
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
        expect(
            syncStatusMeaning(
                'contacts',
                'Salesforce',
                'Exchange',
                'Mailbox synced by another org'
            )
        ).toMatch(
            /^Another Salesforce organization syncs this user's mailbox, so this organization doesn't sync contacts from Salesforce to Exchange/
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
        // Table 6 starts with the calendar folder
        expect(sections[2].rows[0].condition).toBe('Calendar folder found');
        expect(rowOf(sections, 'calendar-folder-found').value).toBe('Yes');
        expect(rowOf(sections, 'calendar-folder-found').meaning).toBe(
            "The calendar folder was found in this user's email account."
        );
        const missing = rowOf(
            userSections({ ...mockUserStatus, calendarFolderFound: false }),
            'calendar-folder-found'
        );
        expect(missing.value).toBe('No');
        expect(missing.meaning).toBe(
            "Exchange Sync can't find the user's calendar folder on your Exchange server."
        );
    });

    it('says all-day and recurring events sync, and invitees too except on Exchange Online', () => {
        const ews = rowOf(
            userSections(mockUserStatus, 'Exchange Server (EWS)'),
            'events-in-sync'
        ).meaning;
        const graph = rowOf(
            userSections(mockUserStatus, 'Exchange Online (Microsoft Graph)'),
            'events-in-sync'
        ).meaning;
        [ews, graph].forEach((meaning) => {
            expect(meaning).not.toMatch(/doesn't sync all-day/);
            expect(meaning).toContain(
                'All-day events and recurring events sync, including the changed and canceled occurrences of a series.'
            );
        });
        expect(ews).toContain(
            "Invitees sync too: attendees whose email addresses belong to contacts, leads, or users in Salesforce become the event's invitees, and Salesforce invitees become attendees, without anyone receiving an invitation."
        );
        expect(graph).toContain(
            "Invitees don't sync with Exchange Online: Microsoft Exchange Online emails a meeting's attendees whenever an app writes them, so Exchange Sync leaves the invitees of a Salesforce event in Salesforce and the attendees of an Outlook meeting in Outlook."
        );
        expect(
            rowOf(userSections(mockUserStatus), 'events-in-sync').meaning
        ).toBe(ews);
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
