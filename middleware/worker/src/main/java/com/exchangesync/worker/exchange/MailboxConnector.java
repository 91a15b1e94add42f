package com.exchangesync.worker.exchange;

/**
 * Opens reps' mailboxes through one service account, and tests the connection.
 * Thread-safe: each task opens its own {@link Mailbox}.
 */
public interface MailboxConnector {

  /**
   * Opens the mailbox of {@code smtp}: finds its server, logs on, checks the
   * impersonation and makes sure the synced folders exist.
   */
  Mailbox open(String smtp) throws MailboxException;

  /** Runs every connection check for one rep, never throwing: failures are in the report. */
  ConnectionTestReport test(String smtp);

  /**
   * The same, telling {@code progress} the checks done so far after each one, so
   * the Setup page can show each result as it arrives.
   */
  default ConnectionTestReport test(String smtp, java.util.function.Consumer<ConnectionTestReport> progress) {
    ConnectionTestReport report = test(smtp);
    progress.accept(report);
    return report;
  }

  /**
   * A listener for push notifications from this Exchange, telling {@code push}'s sink of changes in the org's mailboxes;
   * empty when this transport or configuration has none (the poll alone finds changes).
   */
  default java.util.Optional<com.exchangesync.worker.push.PushListener> listen(String orgId,
      com.exchangesync.worker.push.PushContext push) {
    return java.util.Optional.empty();
  }
}
