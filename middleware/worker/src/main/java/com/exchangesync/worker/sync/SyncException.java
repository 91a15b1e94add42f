package com.exchangesync.worker.sync;

/**
 * A side failed as a whole (not one record): the pass stops for this rep, saves
 * nothing it has not applied, and reports the cause. {@code code} and
 * {@code suggestion} are what the error row shows.
 */
public class SyncException extends Exception {

  private final String code;
  private final String suggestion;

  public SyncException(String code, String message, String suggestion, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.suggestion = suggestion;
  }

  public String code() {
    return code;
  }

  public String suggestion() {
    return suggestion;
  }
}
