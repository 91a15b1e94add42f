package com.exchangesync.testbed.exchange;

/**
 * Writes EWS responses as Exchange Server 2016 does: the envelope with its
 * {@code ServerVersionInfo} header, the operation's response element, and one
 * response message per input, each {@code Success} or {@code Error}.
 */
final class EwsResponses {

  /** What Exchange Server 2016 CU (build 15.1.2507) reports. */
  static final String SERVER_VERSION = "<h:ServerVersionInfo MajorVersion=\"15\" MinorVersion=\"1\" MajorBuildNumber=\"2507\""
      + " MinorBuildNumber=\"6\" Version=\"V2017_07_11\" xmlns:h=\"" + Xml.TYPES + "\" xmlns=\"" + Xml.TYPES + "\"/>";

  private EwsResponses() {}

  static String envelope(String body) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><s:Envelope xmlns:s=\"" + Xml.SOAP + "\"><s:Header>" + SERVER_VERSION
        + "</s:Header><s:Body xmlns:xsi=\"" + Xml.XSI + "\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">" + body
        + "</s:Body></s:Envelope>";
  }

  /** Opens {@code <m:XResponse><m:ResponseMessages>} for operation {@code X}. */
  static void open(StringBuilder out, String operation) {
    out.append("<m:").append(operation).append("Response xmlns:m=\"").append(Xml.MESSAGES)
        .append("\" xmlns:t=\"").append(Xml.TYPES).append("\"><m:ResponseMessages>");
  }

  static void close(StringBuilder out, String operation) {
    out.append("</m:ResponseMessages></m:").append(operation).append("Response>");
  }

  /** A successful response message whose payload follows the response code. */
  static void success(StringBuilder out, String operation, String payload) {
    out.append("<m:").append(operation).append("ResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode>")
        .append(payload).append("</m:").append(operation).append("ResponseMessage>");
  }

  /** A failed response message; {@code emptyPayload} is what Exchange still writes after the error (e.g. {@code <m:Items/>}). */
  static void error(StringBuilder out, String operation, ResponseMessageError e, String emptyPayload) {
    out.append("<m:").append(operation).append("ResponseMessage ResponseClass=\"Error\"><m:MessageText>")
        .append(Xml.esc(e.getMessage())).append("</m:MessageText><m:ResponseCode>").append(e.code)
        .append("</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>");
    if (!e.messageXml.isEmpty()) {
      out.append("<m:MessageXml>").append(e.messageXml).append("</m:MessageXml>");
    }
    out.append(emptyPayload)
        .append("</m:").append(operation).append("ResponseMessage>");
  }
}
