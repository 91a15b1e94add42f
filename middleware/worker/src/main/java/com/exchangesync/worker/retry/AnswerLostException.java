package com.exchangesync.worker.retry;

/**
 * A write was sent and its answer did not come back, so whether the server
 * carried it out is unknown: a {@code 502}, {@code 503} or {@code 504} from a
 * proxy or load balancer (which can answer so after the server behind it did
 * the work), or a connection that closed before the answer. Repeating such a
 * write is safe only when it is idempotent; a create is first looked for
 * ({@link RetriedCreates}).
 */
public final class AnswerLostException extends Exception {

  private static final long serialVersionUID = 1L;

  public AnswerLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
