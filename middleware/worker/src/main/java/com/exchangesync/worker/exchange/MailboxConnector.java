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
}
