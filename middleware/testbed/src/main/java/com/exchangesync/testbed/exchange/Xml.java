package com.exchangesync.testbed.exchange;

import com.exchangesync.testbed.SafeXml;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXParseException;

/**
 * Namespace-aware DOM parsing that refuses DTDs, external entities and entity
 * expansion (any DOCTYPE is an error), plus the few element helpers the
 * operations need, and text escaping for the XML the test bed writes.
 */
final class Xml {

  static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
  static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
  static final String ERRORS = "http://schemas.microsoft.com/exchange/services/2006/errors";
  static final String AUTODISCOVER = "http://schemas.microsoft.com/exchange/2010/Autodiscover";
  static final String ADDRESSING = "http://www.w3.org/2005/08/addressing";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private Xml() {}

  /** Parses a request body; a DOCTYPE, an entity or malformed XML is a schema-validation fault as Exchange gives it. */
  static Document parse(byte[] body) {
    try {
      return SafeXml.parse(body);
    } catch (SAXParseException e) {
      String why = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
          ? "For security reasons DTD is prohibited in this XML document."
          : e.getMessage();
      throw SoapFault.schemaValidation(why, e.getLineNumber(), e.getColumnNumber());
    } catch (Exception e) {
      throw SoapFault.schemaValidation(String.valueOf(e.getMessage()), 0, 0);
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


  /** The text of the first child element named {@code localName}. */
  static Optional<String> childText(Element parent, String localName) {
    return child(parent, localName).map(Element::getTextContent);
  }

  /** The attribute, or empty when absent. */
  static Optional<String> attr(Element e, String name) {
    return e.hasAttribute(name) ? Optional.of(e.getAttribute(name)) : Optional.empty();
  }

  /** Escapes text for element content and attribute values. */
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
          // XML 1.0 cannot carry most control characters at all: drop them rather than write invalid XML.
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
