package com.exchangesync.worker.sync;

import java.util.Objects;

/**
 * Everything a pass needs to know about one rep, from the rep's configuration.
 *
 * @param mailbox org and user
 * @param email the rep's mailbox address
 * @param direction the configuration's contact direction
 * @param winner who wins fields changed on both sides
 * @param preference which Salesforce contact to link when an email matches several
 * @param scope which Salesforce contacts go to the mailbox
 * @param fields the field mapping
 */
public record RepContext(MailboxKey mailbox, String email, Direction direction, Winner winner,
                         MatchPreference preference, ContactScope scope, FieldMap fields) {

  public RepContext {
    Objects.requireNonNull(mailbox);
    Objects.requireNonNull(email);
    Objects.requireNonNull(direction);
    Objects.requireNonNull(winner);
    Objects.requireNonNull(preference);
    Objects.requireNonNull(scope);
    Objects.requireNonNull(fields);
  }
}
