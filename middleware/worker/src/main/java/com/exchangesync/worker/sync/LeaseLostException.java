package com.exchangesync.worker.sync;

/** This worker no longer holds the mailbox's lease; it must stop work on that mailbox at once. */
public class LeaseLostException extends Exception {

  public LeaseLostException(MailboxKey mailbox, String owner) {
    super("Worker " + owner + " no longer holds the lease on " + mailbox.userId() + " of org " + mailbox.orgId());
  }
}
