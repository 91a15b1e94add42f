package com.exchangesync.testbed.salesforce;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The org the test bed plays: its id (18 characters), name, when it was set
 * up (the earliest date {@code getDeleted} can cover), who may log in (user id
 * → password; the integration user is one of them), and the objects whose
 * org-wide default is Private (a user sees only the rows they own, unless
 * their profile is System Administrator); every other object is Public
 * Read/Write.
 */
record Org(String id, String name, Instant createdAt, String integrationUserId, Map<String, String> passwords,
    Set<String> privateObjects) {

  Org {
    passwords = Map.copyOf(passwords);
    privateObjects = Set.copyOf(privateObjects);
  }
}
