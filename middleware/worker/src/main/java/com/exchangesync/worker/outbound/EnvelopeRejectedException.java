package com.exchangesync.worker.outbound;

/**
 * An Outbound Message that is refused: the endpoint answers with a SOAP fault
 * and the HTTP status here, stores nothing and logs one line with the reason.
 * Messages never quote the request (it may carry a session id).
 */
public final class EnvelopeRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String reason;

  /**
   * @param status the HTTP status of the fault response
   * @param reason a short label for metrics ({@code malformed}, {@code doctype}, {@code too_many}, …)
   * @param message what was wrong, without any content of the request
   */
  public EnvelopeRejectedException(int status, String reason, String message) {
    super(message, null, false, false);
    this.status = status;
    this.reason = reason;
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }

  /** The metrics label. */
  public String reason() {
    return reason;
  }
}
