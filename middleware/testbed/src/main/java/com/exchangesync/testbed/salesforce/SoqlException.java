package com.exchangesync.testbed.salesforce;

/**
 * A query the org refuses: the exception code ({@code MALFORMED_QUERY},
 * {@code INVALID_FIELD}, {@code INVALID_TYPE}, {@code INVALID_QUERY_FILTER_OPERATOR}),
 * the character offset in the query it points at, and the org's message.
 */
final class SoqlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final String code;
  final int offset;

  SoqlException(String code, int offset, String message) {
    super(message);
    this.code = code;
    this.offset = offset;
  }

  static SoqlException malformed(int offset, String message) {
    return new SoqlException("MALFORMED_QUERY", offset, message);
  }
}
