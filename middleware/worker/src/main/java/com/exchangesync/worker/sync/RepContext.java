package com.exchangesync.worker.sync;

import java.util.Objects;

/**
 * Everything a pass needs to know about one rep and one kind, from the rep's configuration.
 *
 * @param mailbox org and user
 * @param email the rep's mailbox address
 * @param rules what is particular to the kind (skips, matching)
 * @param direction the configuration's direction for the kind
 * @param winner who wins fields changed on both sides
 * @param scope which Salesforce records go to the mailbox
 * @param fields the field mapping
 * @param settings a fingerprint of the settings that decide which records are read (scope, filters,
 *     private events, mapping): when it changes, both sides are read again from the beginning, so a
 *     widened scope takes in records that did not change since
 */
public record RepContext(MailboxKey mailbox, String email, KindRules rules, Direction direction, Winner winner,
                         Scope scope, FieldMap fields, String settings) {

  /** A context whose reads depend on nothing but its direction. */
  public RepContext(MailboxKey mailbox, String email, KindRules rules, Direction direction, Winner winner, Scope scope,
                    FieldMap fields) {
    this(mailbox, email, rules, direction, winner, scope, fields, "");
  }

  public RepContext {
    Objects.requireNonNull(mailbox);
    Objects.requireNonNull(email);
    Objects.requireNonNull(rules);
    Objects.requireNonNull(direction);
    Objects.requireNonNull(winner);
    Objects.requireNonNull(scope);
    Objects.requireNonNull(fields);
    Objects.requireNonNull(settings);
    if (fields.kind() != rules.itemKind()) {
      throw new IllegalArgumentException("a " + fields.kind() + " mapping for " + rules.itemKind() + " rules");
    }
  }
}
