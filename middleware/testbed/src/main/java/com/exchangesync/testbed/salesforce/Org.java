package com.exchangesync.testbed.salesforce;

import java.time.Instant;
import java.util.Map;

/**
 * The org the test bed plays: its id (18 characters), name, when it was set
 * up (the earliest date {@code getDeleted} can cover), who may log in (user id
 * → password and security token; the integration user is one of them), and
 * the org-wide default of each object configured (sObject type name → level);
 * every other object is Public Read/Write.
 */
record Org(String id, String name, Instant createdAt, String integrationUserId, Map<String, LoginCredential> credentials,
    Map<String, OrgWideDefault> sharing) {

  Org {
    credentials = Map.copyOf(credentials);
    sharing = Map.copyOf(sharing);
  }

  /** The org-wide default of the object named {@code typeName} (its API name as the schema spells it). */
  OrgWideDefault sharing(String typeName) {
    return sharing.getOrDefault(typeName, OrgWideDefault.PUBLIC_READ_WRITE);
  }
}
