package com.exchangesync.testbed.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request Exchange answers with a SOAP fault (HTTP 500): schema violations,
 * impersonation failures, throttling. Written in the shape Exchange Server 2016
 * uses: {@code faultcode} in the types namespace, the response code and message
 * in {@code detail} (errors namespace), and name-value pairs in
 * {@code t:MessageXml} (for example {@code BackOffMilliseconds}).
 */
final class SoapFault extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final String code;
  final int httpStatus;
  final Map<String, String> messageXml;
  private final String extraDetailXml;

  SoapFault(String code, String message, int httpStatus, Map<String, String> messageXml, String extraDetailXml) {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus;
    this.messageXml = messageXml;
    this.extraDetailXml = extraDetailXml;
  }

  static SoapFault of(String code, String message) {
    return new SoapFault(code, message, 500, Map.of(), "");
  }

  static SoapFault schemaValidation(String violation, int line, int position) {
    String detail = "<t:MessageXml xmlns:t=\"" + Xml.TYPES + "\"><t:LineNumber>" + line + "</t:LineNumber><t:LinePosition>"
        + position + "</t:LinePosition><t:Violation>" + Xml.esc(violation) + "</t:Violation></t:MessageXml>";
    return new SoapFault("ErrorSchemaValidation", "The request failed schema validation: " + violation, 500, Map.of(), detail);
  }

  static SoapFault serverBusy(long backOffMillis) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("BackOffMilliseconds", Long.toString(backOffMillis));
    return new SoapFault("ErrorServerBusy", "The server cannot service this request right now. Try again later.", 500, values, "");
  }

  /** The whole SOAP envelope carrying this fault. */
  String envelope() {
    StringBuilder detail = new StringBuilder();
    detail.append("<e:ResponseCode xmlns:e=\"").append(Xml.ERRORS).append("\">").append(code).append("</e:ResponseCode>");
    detail.append("<e:Message xmlns:e=\"").append(Xml.ERRORS).append("\">").append(Xml.esc(getMessage())).append("</e:Message>");
    if (!messageXml.isEmpty()) {
      detail.append("<t:MessageXml xmlns:t=\"").append(Xml.TYPES).append("\">");
      messageXml.forEach((k, v) -> detail.append("<t:Value Name=\"").append(Xml.esc(k)).append("\">").append(Xml.esc(v)).append("</t:Value>"));
      detail.append("</t:MessageXml>");
    }
    detail.append(extraDetailXml);
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><s:Envelope xmlns:s=\"" + Xml.SOAP + "\"><s:Body><s:Fault>"
        + "<faultcode xmlns:a=\"" + Xml.TYPES + "\">a:" + code + "</faultcode>"
        + "<faultstring xml:lang=\"en-US\">" + Xml.esc(getMessage()) + "</faultstring>"
        + "<detail>" + detail + "</detail></s:Fault></s:Body></s:Envelope>";
  }
}
