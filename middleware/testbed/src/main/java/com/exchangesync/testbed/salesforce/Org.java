package com.exchangesync.testbed.salesforce;

import java.time.Instant;
import java.util.Map;

/**
 * The org the test bed plays: its id (18 characters), name, when it was set
 * up (the earliest date {@code getDeleted} can cover), and who may log in
 * (user id → password; the integration user is one of them).
 */
record Org(String id, String name, Instant createdAt, String integrationUserId, Map<String, String> passwords) {

  Org {
    passwords = Map.copyOf(passwords);
  }
}
