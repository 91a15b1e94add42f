package com.exchangesync.testbed.salesforce;

import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * One partner API request: the operation element from the SOAP body and the
 * headers the test bed honours ({@code SessionHeader}, {@code QueryOptions},
 * {@code AllOrNoneHeader}, {@code AllowFieldTruncationHeader},
 * {@code DuplicateRuleHeader}), plus the API version from the URL.
 */
record SoapCall(String operation, Element request, Element header, String version) {

  /** The session id of the {@code SessionHeader}, if any. */
  Optional<String> sessionId() {
    return headerValue("SessionHeader", "sessionId");
  }

  /** The {@code QueryOptions} batch size: 500 when absent, held to 200..2000 as the org does. */
  int batchSize() {
    return headerValue("QueryOptions", "batchSize").map(v -> {
      try {
        return Math.max(200, Math.min(2000, Integer.parseInt(v)));
      } catch (NumberFormatException e) {
        return 500;
      }
    }).orElse(500);
  }

  /** Whether the {@code AllOrNoneHeader} asks for all-or-nothing writes. */
  boolean allOrNone() {
    return flag("AllOrNoneHeader", "allOrNone");
  }

  /** A boolean field of a header ({@code xsd:boolean}: {@code true} or {@code 1}); false when absent. */
  boolean flag(String headerName, String field) {
    return headerValue(headerName, field).map(v -> v.trim().equals("true") || v.trim().equals("1")).orElse(false);
  }

  /** The text of a required request child; missing is a client fault, as the org's SOAP parser makes it. */
  String required(String child) {
    return SoapXml.childText(request, child).orElseThrow(() -> SalesforceFault.client(
        "Element {" + SoapXml.PARTNER + "}" + child + " is required by " + operation + " and is missing"));
  }

  List<Element> children(String child) {
    return SoapXml.children(request, child);
  }

  private Optional<String> headerValue(String headerName, String field) {
    if (header == null) {
      return Optional.empty();
    }
    return SoapXml.child(header, headerName).flatMap(h -> SoapXml.childText(h, field));
  }
}
