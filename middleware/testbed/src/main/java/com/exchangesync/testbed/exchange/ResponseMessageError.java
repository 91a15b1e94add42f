package com.exchangesync.testbed.exchange;

/**
 * A per-item failure reported inside a response message with
 * {@code ResponseClass="Error"} (the rest of a batch goes on), as opposed to a
 * {@link SoapFault}, which fails the whole request.
 */
final class ResponseMessageError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final String code;

  ResponseMessageError(String code, String message) {
    super(message);
    this.code = code;
  }

  static ResponseMessageError itemNotFound() {
    return new ResponseMessageError("ErrorItemNotFound", "The specified object was not found in the store.");
  }

  static ResponseMessageError folderNotFound() {
    return new ResponseMessageError("ErrorFolderNotFound", "The specified folder could not be found in the store.");
  }
}
