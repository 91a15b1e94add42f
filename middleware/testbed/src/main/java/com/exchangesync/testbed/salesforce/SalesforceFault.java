package com.exchangesync.testbed.salesforce;

/**
 * A call the org answers with a SOAP fault (HTTP 500), written as the partner
 * API writes it: {@code faultcode} {@code sf:<ExceptionCode>}, {@code faultstring}
 * {@code "<code>: <message>"}, and a typed detail element
 * ({@code sf:UnexpectedErrorFault}, {@code sf:LoginFault}, {@code sf:InvalidFieldFault},
 * {@code sf:MalformedQueryFault}, ...) that force-wsc turns into the matching
 * {@code com.sforce.soap.partner.fault} exception. Faults about the SOAP
 * message itself ({@code soapenv:Client}) carry no detail.
 */
final class SalesforceFault extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final String code;
  final String faultType;
  final Integer row;
  final Integer column;

  private SalesforceFault(String code, String faultType, String message, Integer row, Integer column) {
    super(message);
    this.code = code;
    this.faultType = faultType;
    this.row = row;
    this.column = column;
  }

  /** An {@code UnexpectedErrorFault} (session, limits, replication dates, id limits, ...). */
  static SalesforceFault unexpected(String code, String message) {
    return new SalesforceFault(code, "UnexpectedErrorFault", message, null, null);
  }

  static SalesforceFault of(String code, String faultType, String message) {
    return new SalesforceFault(code, faultType, message, null, null);
  }

  static SalesforceFault invalidSession() {
    return unexpected("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session");
  }

  static SalesforceFault invalidLogin() {
    return of("INVALID_LOGIN", "LoginFault", "Invalid username, password, security token; or user locked out.");
  }

  static SalesforceFault invalidType(String name) {
    return of("INVALID_TYPE", "InvalidSObjectFault", "sObject type '" + name + "' is not supported. If you are attempting to use a"
        + " custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for"
        + " the appropriate names.");
  }

  static SalesforceFault noSuchColumn(String field, String type) {
    return of("INVALID_FIELD", "InvalidFieldFault", "No such column '" + field + "' on entity '" + type + "'. If you are attempting"
        + " to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the"
        + " describe call for the appropriate names.");
  }

  /** A fault about the SOAP message itself (not well-formed, not SOAP, unknown operation): {@code soapenv:Client}. */
  static SalesforceFault client(String message) {
    return new SalesforceFault(null, null, message, null, null);
  }

  /** A refused query, with the query, a caret and the row and column, as the org words it. */
  static SalesforceFault query(String soql, SoqlException e) {
    int offset = Math.min(Math.max(0, e.offset), soql.length());
    int row = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (soql.charAt(i) == '\n') {
        row++;
        lineStart = i + 1;
      }
    }
    int column = offset - lineStart + 1;
    int lineEnd = soql.indexOf('\n', lineStart);
    String line = soql.substring(lineStart, lineEnd < 0 ? soql.length() : lineEnd);
    String message = "\n" + line + "\n" + " ".repeat(column - 1) + "^\nERROR at Row:" + row + ":Column:" + column + "\n" + e.getMessage();
    String type = switch (e.code) {
      case "INVALID_FIELD" -> "InvalidFieldFault";
      case "INVALID_TYPE" -> "InvalidSObjectFault";
      case "MALFORMED_QUERY" -> "MalformedQueryFault";
      default -> "MalformedQueryFault";
    };
    return new SalesforceFault(e.code, type, message, row, column);
  }

  /** The whole SOAP envelope carrying this fault. */
  String envelope() {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"")
        .append(SoapXml.SOAP).append("\" xmlns:sf=\"").append(SoapXml.FAULT).append("\" xmlns:xsi=\"").append(SoapXml.XSI)
        .append("\"><soapenv:Body><soapenv:Fault>");
    if (code == null) {
      out.append("<faultcode>soapenv:Client</faultcode><faultstring>").append(SoapXml.esc(getMessage())).append("</faultstring>");
    } else {
      out.append("<faultcode>sf:").append(code).append("</faultcode><faultstring>").append(SoapXml.esc(code + ": " + getMessage()))
          .append("</faultstring><detail><sf:").append(faultType).append(" xsi:type=\"sf:").append(faultType).append("\">")
          .append("<sf:exceptionCode>").append(code).append("</sf:exceptionCode><sf:exceptionMessage>")
          .append(SoapXml.esc(getMessage())).append("</sf:exceptionMessage>");
      if (row != null) {
        out.append("<sf:row>").append(row).append("</sf:row><sf:column>").append(column).append("</sf:column>");
      }
      out.append("</sf:").append(faultType).append("></detail>");
    }
    return out.append("</soapenv:Fault></soapenv:Body></soapenv:Envelope>").toString();
  }
}
