package com.exchangesync.testbed.salesforce;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
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

  private static final DocumentBuilderFactory FACTORY = factory();

  /** Thrown for input that is not well-formed XML, or that carries a DOCTYPE. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private SoapXml() {}

  private static DocumentBuilderFactory factory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK's XML parser lacks a security feature: " + e.getMessage(), e);
    }
  }

  /** Parses a document; a DOCTYPE or malformed XML is {@link Malformed} with the parser's reason and position. */
  static Document parse(byte[] body) throws Malformed {
    try {
      DocumentBuilder builder = FACTORY.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(body));
    } catch (SAXParseException e) {
      String why = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
          ? "DOCTYPE is not allowed"
          : String.valueOf(e.getMessage());
      throw new Malformed(why + " at [row,col]:[" + e.getLineNumber() + "," + e.getColumnNumber() + "]");
    } catch (SAXException | java.io.IOException | ParserConfigurationException e) {
      throw new Malformed(String.valueOf(e.getMessage()));
    }
  }

  /** Element children of {@code parent}. */
  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** Element children named {@code localName} (any namespace). */
  static List<Element> children(Element parent, String localName) {
    return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
  }

  /** The first child element named {@code localName}. */
  static Optional<Element> child(Element parent, String localName) {
    return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst();
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
