/**
 * The statuses of the Exchange Sync Status page and what each value means,
 * in the words of the admin guide's "Exchange Sync Statuses" tables 1-6.
 * Each section is {key, title, rows}; each row is
 * {key, condition, value, dateValue, iconName, iconVariant, meaning}.
 */

/** Yes is green and No is red, as Salesforce's own status pages show them */
export const YES_ICON = { iconName: 'utility:success', iconVariant: 'success' };
export const NO_ICON = { iconName: 'utility:close', iconVariant: 'error' };
export const GRAPH_TYPE = 'Exchange Online (Microsoft Graph)';

/** A last sync activity at most this old is "within the last few minutes" */
export const RECENT_MINUTES = 30;
/** Older than this is "on a past date" rather than "within a few hours" */
export const HOURS_MINUTES = 24 * 60;

const ANALYZER =
    "use Microsoft's Remote Connectivity Analyzer to verify that your Exchange server can communicate with Exchange Sync. If the analyzer shows that your connection is working, contact Salesforce Customer Support.";
const NOT_NECESSARILY =
    "This status doesn't necessarily mean that the service account is set up to sync using Exchange Sync. If you continue to have sync errors, we recommend that you use Microsoft's Remote Connectivity Analyzer tool to test your connection and troubleshoot setup issues.";

export const RESET_STATUS_MEANINGS = {
    'Marked for reset':
        "You've reset this user for sync, but the reset hasn't started. Your reset request is in the system queue and will be completed when the system is available.",
    'Reset in progress':
        'The reset sync process is in progress. When reset is complete, "User\'s reset sync status" is no longer displayed on this page.'
};

export const USER_SYNC_STATUSES = [
    'Not started',
    'Initial sync in progress',
    'Initial sync completed',
    'Sync in progress',
    'In sync',
    'Exchange configuration not set to sync',
    'Mailbox synced by another org'
];

function row(key, condition, value, meaning, extra = {}) {
    return { key, condition, value, meaning, ...extra };
}

function flag(key, condition, isSet, yesMeaning, noMeaning) {
    return row(
        key,
        condition,
        isSet ? 'Yes' : 'No',
        isSet ? yesMeaning : noMeaning,
        isSet ? YES_ICON : NO_ICON
    );
}

function count(value) {
    return typeof value === 'number' ? value : 0;
}

function minutesSince(dateTime, now) {
    return (now - new Date(dateTime).getTime()) / 60000;
}

function lastActivityRow(noun, dateTime, now) {
    const key = `${noun}-last-activity`;
    if (!dateTime) {
        return row(
            key,
            'Last sync activity',
            'None',
            `Your organization hasn't synced any ${noun} yet. The initial ${noun} sync might take up to several hours to complete after users are added to an active Exchange Sync configuration.`
        );
    }
    const minutes = minutesSince(dateTime, now);
    let meaning;
    if (minutes <= RECENT_MINUTES) {
        meaning = `Your organization last synced ${noun} with Exchange Sync on this date, at this time. In general, Exchange Sync is syncing records as expected. If you see this status and individual users still report that ${noun} are not syncing as expected, check your Exchange server or Exchange Sync configurations for settings related to those particular users.`;
    } else if (minutes <= HOURS_MINUTES) {
        meaning = `Your organization last synced ${noun} on this date, at this time. It's possible you recently set up Exchange Sync for your organization, because the initial ${noun} sync might take up to several hours to complete. If you haven't initiated ${noun} sync for your organization for the first time, this status might indicate a problem with ${noun} sync in your organization. Monitor the last sync activity over the next 24 hours to see if syncing resumes.`;
    } else {
        meaning = `Your organization last synced ${noun} on this date, at this time. If your organization doesn't sync again within 24 hours, verify that you provided the correct Exchange service account credentials, that Salesforce recognized your service account, and that you've used Microsoft's Remote Connectivity Analyzer to verify that your Exchange server can communicate with Exchange Sync. If the analyzer shows that your connection is working, contact Salesforce Customer Support.`;
    }
    return row(key, 'Last sync activity', undefined, meaning, {
        dateValue: dateTime
    });
}

function syncedRows(noun, last60Minutes, last24Hours) {
    const hour = count(last60Minutes);
    const day = count(last24Hours);
    return [
        row(
            `${noun}-last-60-minutes`,
            'Records synced in last 60 minutes',
            String(hour),
            hour > 0
                ? `Within the last 60 minutes, your organization last synced this number of ${noun}.`
                : `Your organization hasn't synced any ${noun} within the last 60 minutes. Monitor record sync activity over the next 24 hours to see if syncing resumes. If syncing doesn't resume, ${ANALYZER}`
        ),
        row(
            `${noun}-last-24-hours`,
            'Records synced in last 24 hours',
            String(day),
            day > 0
                ? `Within the last 24 hours, your organization synced this number of ${noun}.`
                : `Your organization hasn't synced any ${noun} within the last 24 hours. Use Microsoft's Remote Connectivity Analyzer to verify that your Exchange server can communicate with Exchange Sync. If the analyzer shows that your connection is working, contact Salesforce Customer Support.`
        )
    ];
}

function usersInConfigurationsRow(inConfigurations) {
    return row(
        'users-in-configurations',
        'Users in active Salesforce Exchange configurations',
        String(inConfigurations),
        inConfigurations > 0
            ? 'If this is the correct number of Exchange Sync users, all of your Exchange Sync users are in active Exchange configurations. If it is the incorrect number, some of your users are not in active Exchange configurations.'
            : 'None of your users is in active Exchange Sync configurations.'
    );
}

function linkedAddressesRow(linked, inConfigurations) {
    let meaning;
    if (linked === 0 && inConfigurations === 0) {
        meaning =
            'None of your users is in active Exchange Sync configurations, so no addresses are linked yet.';
    } else if (linked === 0) {
        meaning =
            "None of your users' Microsoft Exchange email addresses has mapped to its corresponding Salesforce email addresses. Contact Salesforce Customer Support.";
    } else if (linked >= inConfigurations) {
        meaning =
            "All of your users' Microsoft Exchange email addresses have mapped correctly to the corresponding Salesforce email addresses.";
    } else {
        meaning =
            "Some of your users' Microsoft Exchange email addresses have not mapped correctly to the corresponding Salesforce email addresses. Compare your users' addresses in Exchange and Salesforce to verify that they match.";
    }
    return row(
        'users-with-linked-addresses',
        'Users with linked Microsoft Exchange and Salesforce email addresses',
        String(linked),
        meaning
    );
}

/**
 * Table 1's first row: the guide shows the service account's user name. An
 * org on Exchange Online has no service account but an application, whose
 * (client) ID the row shows instead.
 */
function serviceAccountRow(status) {
    const provided = !!status.serviceAccountProvided;
    const icon = provided ? YES_ICON : NO_ICON;
    if (status.exchangeType === GRAPH_TYPE) {
        return row(
            'service-account-provided',
            'Microsoft Exchange Online application provided',
            provided ? status.applicationId || 'Yes' : 'None',
            provided
                ? "You've saved your Exchange Online tenant ID and application (client) ID in Salesforce, and Exchange Sync has signed in as that application. This status doesn't necessarily mean that the application may open your reps' mailboxes: run the connection test for a rep to check its permissions and its management scope."
                : "Exchange Sync couldn't sign in as your Exchange Online application. Verify the tenant ID and application (client) ID in Exchange Sync Setup, and the certificate or client secret the Exchange Sync worker holds.",
            icon
        );
    }
    return row(
        'service-account-provided',
        'Microsoft Exchange service account provided',
        provided ? status.serviceAccountUsername || 'Yes' : 'None',
        provided
            ? `You've saved your service account credentials in Salesforce, and Exchange Sync has recognized a valid service account. ${NOT_NECESSARILY}`
            : "Exchange Sync couldn't save your service account credentials. Verify that you've provided the correct service account ID and password and that you've set up a valid service account in Microsoft Exchange.",
        icon
    );
}

/**
 * The system sync statuses (tables 1-3).
 * @param {Object} status the view of ExchangeSyncStatusController.getSystemStatus
 * @param {Number} now milliseconds since the epoch, to age the last sync activities
 */
export function systemSections(status, now) {
    const inConfigurations = count(status.usersInActiveConfigurations);
    const linked = count(status.usersWithLinkedAddresses);
    return [
        {
            key: 'configuration',
            title: 'Configuration Setup',
            rows: [
                serviceAccountRow(status),
                flag(
                    'service-account-recognized',
                    'Salesforce recognizes Microsoft Exchange service account',
                    status.serviceAccountRecognized,
                    `Exchange Sync has recognized that the service account that you provided is valid. ${NOT_NECESSARILY}`,
                    "Exchange Sync couldn't recognize the service account credentials. Check to make sure that you've set up a valid service account in Microsoft Exchange."
                ),
                usersInConfigurationsRow(inConfigurations),
                linkedAddressesRow(linked, inConfigurations)
            ]
        },
        {
            key: 'contacts',
            title: 'Contacts',
            rows: [
                lastActivityRow(
                    'contacts',
                    status.lastContactSyncActivity,
                    now
                ),
                ...syncedRows(
                    'contacts',
                    status.contactsSyncedLast60Minutes,
                    status.contactsSyncedLast24Hours
                )
            ]
        },
        {
            key: 'events',
            title: 'Events',
            rows: [
                lastActivityRow('events', status.lastEventSyncActivity, now),
                ...syncedRows(
                    'events',
                    status.eventsSyncedLast60Minutes,
                    status.eventsSyncedLast24Hours
                )
            ]
        }
    ];
}

/**
 * What a user's sync status in one direction means (tables 5 and 6).
 * @param {String} noun 'contacts' or 'events'
 * @param {String} from 'Salesforce' or 'Exchange'
 * @param {String} to the other side
 * @param {String} value one of USER_SYNC_STATUSES
 */
export function syncStatusMeaning(noun, from, to, value) {
    const direction = `from ${from} to ${to}`;
    switch (value) {
        case 'Not started':
            return `This user's ${noun} haven't started syncing ${direction}.`;
        case 'Initial sync in progress':
            return `This user's ${noun} are syncing ${direction} for the first time. This initial sync might take several hours.`;
        case 'Initial sync completed':
            return `This user's ${noun} have completed syncing ${direction} for the first time.`;
        case 'Sync in progress':
            return `This user's ${noun} are syncing ${direction} right now.`;
        case 'In sync':
            return `This user's ${noun} have completed syncing ${direction}.`;
        case 'Exchange configuration not set to sync':
            return `This user isn't set up to sync ${noun} ${direction} in an active Exchange Sync configuration.`;
        case 'Mailbox synced by another org':
            return `Another Salesforce organization syncs this user's mailbox, so this organization doesn't sync ${noun} ${direction}: a user in the Exchange Sync configurations of two organizations would sync three ways. The Exchange Sync error report names the other organization; remove the user from the configurations of one of them.`;
        default:
            return `Exchange Sync hasn't reported a status for this user's ${noun} ${direction} yet.`;
    }
}

function directionRows(noun, toExchange, toSalesforce) {
    return [
        row(
            `${noun}-to-exchange`,
            'Salesforce to Exchange sync status',
            toExchange || 'None',
            syncStatusMeaning(noun, 'Salesforce', 'Exchange', toExchange)
        ),
        row(
            `${noun}-to-salesforce`,
            'Exchange to Salesforce sync status',
            toSalesforce || 'None',
            syncStatusMeaning(noun, 'Exchange', 'Salesforce', toSalesforce)
        )
    ];
}

function addressesLinkedRow(noun, linked) {
    return flag(
        `${noun}-addresses-linked`,
        'Salesforce and Exchange email addresses linked',
        linked,
        "This user's Microsoft Exchange email address has mapped to the user's Salesforce email address correctly.",
        "This user's Microsoft Exchange email address hasn't mapped to the user's Salesforce email address correctly. Reset sync for this user."
    );
}

function lastUserSyncRow(noun, dateTime) {
    return dateTime
        ? row(
              `${noun}-last-sync`,
              'Last sync',
              undefined,
              `When Exchange Sync last synced this user's ${noun}.`,
              {
                  dateValue: dateTime
              }
          )
        : row(
              `${noun}-last-sync`,
              'Last sync',
              'None',
              `Exchange Sync hasn't synced this user's ${noun} yet.`
          );
}

/**
 * "User recognized by Exchange service account" (table 4). The middleware
 * writes Recognized or Not recognized; blank until it has checked the user.
 */
function recognizedRow(recognized) {
    if (!recognized) {
        return row(
            'recognized',
            'User recognized by Exchange service account',
            'None',
            "Exchange Sync hasn't checked this user with the Exchange service account yet. It does at the next sync cycle after the user is added to an active Exchange Sync configuration."
        );
    }
    return flag(
        'recognized',
        'User recognized by Exchange service account',
        recognized === 'Recognized',
        "This user is represented by the service account that you've set up in Exchange, and Exchange Sync can communicate with your Exchange service account.",
        "This user isn't represented by the service account that you've set up in Exchange, or Exchange Sync can't communicate with the Exchange service account that you provided. Check your Exchange service account setup to verify that you've set up a valid service account and that it accurately represents this user."
    );
}

/**
 * Table 6's "Records in sync". The guide's text said that all-day events,
 * recurring events and invitees don't sync; they do, except that on Exchange
 * Online invitees stay where they are, because Microsoft Graph emails
 * attendees whenever an event's attendees are written.
 * @param {String} exchangeType the setup's Exchange type
 */
export function eventsInSyncMeaning(exchangeType) {
    const invitees =
        exchangeType === GRAPH_TYPE
            ? "Invitees don't sync with Exchange Online: Microsoft Exchange Online emails a meeting's attendees whenever an app writes them, so Exchange Sync leaves the invitees of a Salesforce event in Salesforce and the attendees of an Outlook meeting in Outlook."
            : "Invitees sync too: attendees whose email addresses belong to contacts, leads, or users in Salesforce become the event's invitees, and Salesforce invitees become attendees, without anyone receiving an invitation.";
    return `This user has this number of events syncing between Exchange and Salesforce. If this user reports difficulty syncing only some events, verify that the user is set up to sync events as expected in the user's Exchange Sync configuration, that the events end within the configuration's event filter, and, unless the configuration syncs private events, that the user didn't assign the private option to the event. All-day events and recurring events sync, including the changed and canceled occurrences of a series. ${invitees}`;
}

/**
 * One user's sync statuses (tables 4-6).
 * @param {Object} status the view of ExchangeSyncStatusController.getUserStatus
 * @param {String} exchangeType the setup's Exchange type (from the system status)
 */
export function userSections(status, exchangeType) {
    const setupRows = [
        flag(
            'assigned',
            'User assigned to active Exchange configuration',
            status.assigned,
            'This user is set up to sync in an active Exchange Sync configuration.',
            "This user isn't set up to sync in an active Exchange Sync configuration."
        ),
        recognizedRow(status.recognizedByServiceAccount)
    ];
    // Shown only while a reset is pending: the guide says it disappears once done
    if (status.resetStatus) {
        setupRows.push(
            row(
                'reset-status',
                "User's reset sync status",
                status.resetStatus,
                RESET_STATUS_MEANINGS[status.resetStatus] || ''
            )
        );
    }
    return [
        {
            key: 'user-configuration',
            title: 'Configuration Setup',
            rows: setupRows
        },
        {
            key: 'user-contacts',
            title: 'Contacts',
            rows: [
                flag(
                    'folder-found',
                    'Salesforce_Sync folder found',
                    status.folderFound,
                    "The Salesforce_Sync folder was found in this user's email account under the Contacts directory.",
                    "Exchange Sync can't find the Salesforce_Sync folder on your Exchange server or can't create it automatically for this user. You can create the folder Salesforce_Sync for this user as a subdirectory under the Contacts directory in this user's email account."
                ),
                addressesLinkedRow('contacts', status.addressesLinked),
                ...directionRows(
                    'contacts',
                    status.contactsToExchangeStatus,
                    status.contactsToSalesforceStatus
                ),
                row(
                    'contacts-in-sync',
                    'Records in sync',
                    String(count(status.contactsInSync)),
                    "This user has this number of contacts syncing between Exchange and Salesforce. If this user's contacts are syncing as expected, this number matches the number of contacts in this user's Salesforce_Sync folder."
                ),
                lastUserSyncRow('contacts', status.lastContactSync)
            ]
        },
        {
            key: 'user-events',
            title: 'Events',
            rows: [
                flag(
                    'calendar-folder-found',
                    'Calendar folder found',
                    status.calendarFolderFound,
                    "The calendar folder was found in this user's email account.",
                    "Exchange Sync can't find the user's calendar folder on your Exchange server."
                ),
                addressesLinkedRow('events', status.addressesLinked),
                ...directionRows(
                    'events',
                    status.eventsToExchangeStatus,
                    status.eventsToSalesforceStatus
                ),
                row(
                    'events-in-sync',
                    'Records in sync',
                    String(count(status.eventsInSync)),
                    eventsInSyncMeaning(exchangeType)
                ),
                lastUserSyncRow('events', status.lastEventSync)
            ]
        }
    ];
}
