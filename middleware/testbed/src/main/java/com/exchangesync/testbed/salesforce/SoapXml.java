package com.exchangesync.testbed.salesforce;

import com.exchangesync.testbed.SafeXml;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Namespace-aware DOM parsing that refuses any DOCTYPE (so no DTD, external
 * entity or entity expansion is ever processed), the element helpers the
 * operations need, and escaping for the XML the test bed writes.
 */
final class SoapXml {

  static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String PARTNER = "urn:partner.soap.sforce.com";
  static final String SOBJECT = "urn:sobject.partner.soap.sforce.com";
  static final String FAULT = "urn:fault.partner.soap.sforce.com";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  static final String METADATA = "http://soap.sforce.com/2006/04/metadata";
  static final String OUTBOUND = "http://soap.sforce.com/2005/09/outbound";
  static final String ENTERPRISE_SOBJECT = "urn:sobject.enterprise.soap.sforce.com";

  /** Thrown for input that is not well-formed XML, or that carries a DOCTYPE. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private SoapXml() {}

  /** Parses a document; a DOCTYPE or malformed XML is {@link Malformed} with the parser's reason and position. */
  static Document parse(byte[] body) throws Malformed {
    try {
      return SafeXml.parse(body);
    } catch (SAXParseException e) {
      String why = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
          ? "DOCTYPE is not allowed"
          : String.valueOf(e.getMessage());
      throw new Malformed(why + " at [row,col]:[" + e.getLineNumber() + "," + e.getColumnNumber() + "]");
    } catch (SAXException | java.io.IOException e) {
      throw new Malformed(String.valueOf(e.getMessage()));
    }
  }


  /** Element children of {@code parent}. */
  static List<Element> children(Element parent) {
    return SafeXml.children(parent);
  }

  /** Element children named {@code localName} (any namespace). */
  static List<Element> children(Element parent, String localName) {
    return SafeXml.children(parent, localName);
  }

  /** The first child element named {@code localName}. */
  static Optional<Element> child(Element parent, String localName) {
    return SafeXml.child(parent, localName);
  }


  /** The trimmed text of the first child element named {@code localName}. */
  static Optional<String> childText(Element parent, String localName) {
    return child(parent, localName).map(e -> e.getTextContent().trim());
  }

  /** Whether the element says {@code xsi:nil="true"}. */
  static boolean nil(Element e) {
    String v = e.getAttributeNS(XSI, "nil");
    return "true".equals(v) || "1".equals(v);
  }

  /** Escapes text for element content and attribute values; drops characters XML 1.0 cannot carry. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
