package com.exchangesync.worker.salesforce;

/**
 * A Salesforce call that failed after the adapter's own recovery (a fresh sign-in,
 * waiting out throttling): the {@link Kind} says what a caller can do, the code
 * is the API's exception code (or a short name for a transport problem). The
 * message never contains a password or session id.
 */
public final class SalesforceException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What kind of failure this is. */
  public enum Kind {
    /**
     * The sign-in was refused: an OAuth error of the token endpoint (the code is Salesforce's {@code error}, the
     * message its description and the fix), or the session of a fresh sign-in refused at once.
     */
    LOGIN,
    /** Salesforce could not be reached or answered with a transport error; try later. */
    UNAVAILABLE,
    /** Still throttled or locked after every retry; try later. */
    THROTTLED,
    /** Salesforce refused the call itself (malformed query, unknown field, …): a bug or a setup problem. */
    FAULT
  }

  private final Kind kind;
  private final String code;

  /** A failure of the given kind and code. */
  public SalesforceException(Kind kind, String code, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.code = code;
  }

  /** The failure's kind. */
  public Kind kind() {
    return kind;
  }

  /** The API exception code ({@code INVALID_FIELD}, …) or a transport label ({@code HTTP_503}, {@code IO}). */
  public String code() {
    return code;
  }

  /** Whether trying again later may succeed. */
  public boolean isTransient() {
    return kind == Kind.UNAVAILABLE || kind == Kind.THROTTLED;
  }
}
