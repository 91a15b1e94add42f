package com.exchangesync.worker.exchange;

import java.util.Objects;

/** A mailbox operation failed for a reason named by {@link #error()}. */
public class MailboxException extends Exception {

  private final MailboxError error;

  public MailboxException(MailboxError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error);
  }

  public MailboxException(MailboxError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error);
  }

  /** What went wrong, with its code and suggested fix. */
  public MailboxError error() {
    return error;
  }
}
