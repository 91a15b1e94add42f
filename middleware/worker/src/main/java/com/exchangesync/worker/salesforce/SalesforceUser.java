package com.exchangesync.worker.salesforce;

/**
 * A Salesforce user as the sync needs it.
 *
 * @param id user id (canonical)
 * @param username login name
 * @param email the address used to find the rep's mailbox
 * @param name display name
 * @param profileId the user's profile
 * @param active whether the user can log in
 * @param timeZone the user's time zone ({@code TimeZoneSidKey}, an IANA id such as {@code Europe/Berlin}), or null
 */
public record SalesforceUser(String id, String username, String email, String name, String profileId, boolean active,
                             String timeZone) {}
