package com.exchangesync.worker.salesforce;

/**
 * One {@code Exchange_Sync_Member__c}: a user, or every user of a profile, in a configuration.
 *
 * @param id record id
 * @param configurationId the configuration (master-detail)
 * @param userId the user, for a user member
 * @param profileId the profile, for a profile member
 * @param memberType {@code User} or {@code Profile} as stored
 */
public record SyncMember(String id, String configurationId, String userId, String profileId, String memberType) {}
