package com.exchangesync.worker.status;

/** The status values of the admin guide's tables, as the package's picklists spell them. */
public final class StatusValues {

  private StatusValues() {}

  public static final String NOT_STARTED = "Not started";
  public static final String INITIAL_SYNC_IN_PROGRESS = "Initial sync in progress";
  public static final String INITIAL_SYNC_COMPLETED = "Initial sync completed";
  public static final String SYNC_IN_PROGRESS = "Sync in progress";
  public static final String IN_SYNC = "In sync";
  public static final String NOT_SET_TO_SYNC = "Exchange configuration not set to sync";
  /** Not in the guide: another org's mark holds the rep's mailbox, so this org syncs nothing there. */
  public static final String SYNCED_BY_ANOTHER_ORG = "Mailbox synced by another org";

  public static final String RECOGNIZED = "Recognized";
  public static final String NOT_RECOGNIZED = "Not recognized";
  public static final String NOT_PROVIDED = "Not provided";

  public static final String MARKED_FOR_RESET = "Marked for reset";
  public static final String RESET_IN_PROGRESS = "Reset in progress";
}
