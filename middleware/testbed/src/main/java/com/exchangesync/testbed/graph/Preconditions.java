package com.exchangesync.testbed.graph;

/**
 * {@code If-Match}: an update or delete sent with an item's etag
 * ({@code W/"<changeKey>"}, as {@code @odata.etag} gives it, or the bare
 * change key) goes through only if the item has not changed since; otherwise
 * {@code 412} with Exchange Online's {@code ErrorIrresolvableConflict}.
 * {@code *} matches any version.
 */
final class Preconditions {

  private Preconditions() {}

  static void check(GraphRequest request, String changeKey) {
    String ifMatch = request.header("If-Match");
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return;
    }
    for (String tag : ifMatch.split(",")) {
      String t = tag.trim();
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1);
      }
      if (t.equals(changeKey)) {
        return;
      }
    }
    throw new GraphError(412, "ErrorIrresolvableConflict", "The send or update operation could not be performed because the"
        + " change key passed in the request does not match the current change key for the item.");
  }
}
