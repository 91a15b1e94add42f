package com.exchangesync.testbed.exchange;

/**
 * A per-item failure reported inside a response message with
 * {@code ResponseClass="Error"} (the rest of a batch goes on), as opposed to a
 * {@link SoapFault}, which fails the whole request. {@code messageXml} is what
 * Exchange adds in {@code m:MessageXml} (the property at fault, a limit), or
 * empty.
 */
public final class ResponseMessageError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public final String code;
  public final String messageXml;

  public ResponseMessageError(String code, String message) {
    this(code, message, "");
  }

  public ResponseMessageError(String code, String message, String messageXml) {
    super(message);
    this.code = code;
    this.messageXml = messageXml;
  }

  public static ResponseMessageError itemNotFound() {
    return new ResponseMessageError("ErrorItemNotFound", "The specified object was not found in the store.");
  }

  public static ResponseMessageError folderNotFound() {
    return new ResponseMessageError("ErrorFolderNotFound", "The specified folder could not be found in the store.");
  }
}
