package com.exchangesync.worker.salesforce;

/**
 * A profile, for profile members of a configuration.
 *
 * @param id profile id (canonical)
 * @param name profile name
 */
public record SalesforceProfile(String id, String name) {}
