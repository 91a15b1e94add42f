package com.exchangesync.testbed.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal as Microsoft Graph answers it: an HTTP status and the error's
 * {@code code} and {@code message} (written as
 * {@code {"error": {"code", "message", "innerError": {…}}}} by {@link GraphResponse#error}),
 * with any headers it carries ({@code Retry-After}, {@code WWW-Authenticate}).
 */
final class GraphError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;
  final String code;
  final Map<String, String> headers = new LinkedHashMap<>();

  GraphError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  GraphError header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Exchange Online's answer for an item or folder id that names nothing in the mailbox. */
  static GraphError itemNotFound() {
    return new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
  }

  /** Exchange Online's answer for a call outside the app's permissions or mailbox scope. */
  static GraphError accessDenied() {
    return new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
  }

  /** Graph's answer for a malformed request (a body or a query option it cannot read). */
  static GraphError badRequest(String message) {
    return new GraphError(400, "BadRequest", message);
  }

  /** Exchange Online's answer for a property value it refuses. */
  static GraphError invalidProperty(String message) {
    return new GraphError(400, "ErrorInvalidProperty", message);
  }

  /** Graph's answer for a subscription id that names none of the app's. */
  static GraphError subscriptionNotFound() {
    return new GraphError(404, "ResourceNotFound", "The object was not found.");
  }

  /** Graph's answer for a path it does not serve. */
  static GraphError noSegment(String segment) {
    return new GraphError(400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
  }
}
