package com.exchangesync.testbed.salesforce;

import java.util.List;

/** What one record of a write call came to: its id and whether it was created, or its errors. */
record SaveOutcome(String id, boolean created, List<SaveError> errors) {

  static SaveOutcome ok(String id, boolean created) {
    return new SaveOutcome(id, created, List.of());
  }

  static SaveOutcome failed(String id, List<SaveError> errors) {
    return new SaveOutcome(id, false, List.copyOf(errors));
  }

  boolean success() {
    return errors.isEmpty();
  }
}
