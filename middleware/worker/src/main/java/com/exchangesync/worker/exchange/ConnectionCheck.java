package com.exchangesync.worker.exchange;

import java.util.Objects;

/**
 * One line of a connection test.
 *
 * @param name what was checked, as the Setup page shows it
 * @param status passed, failed, or skipped because an earlier check failed
 * @param message what happened, in words an admin understands
 * @param suggestion the fix when it failed, empty otherwise
 */
public record ConnectionCheck(String name, Status status, String message, String suggestion) {

  /** The outcome of one check. */
  public enum Status { PASSED, FAILED, SKIPPED }

  public ConnectionCheck {
    Objects.requireNonNull(name);
    Objects.requireNonNull(status);
    Objects.requireNonNull(message);
    Objects.requireNonNull(suggestion);
  }

  public static ConnectionCheck passed(String name, String message) {
    return new ConnectionCheck(name, Status.PASSED, message, "");
  }

  public static ConnectionCheck failed(String name, MailboxException e) {
    return new ConnectionCheck(name, Status.FAILED, e.getMessage(), e.error().suggestion());
  }

  public static ConnectionCheck skipped(String name, String failedCheck) {
    return new ConnectionCheck(name, Status.SKIPPED, "Not run because \"" + failedCheck + "\" failed.", "");
  }
}
