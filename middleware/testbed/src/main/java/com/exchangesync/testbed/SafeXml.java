package com.exchangesync.testbed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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

/**
 * The one hardened XML parser of both test beds: namespace-aware DOM that
 * refuses any DOCTYPE, so no DTD, external entity or entity expansion is ever
 * processed; and the element helpers their operations share. Each test bed turns
 * a parse failure into the fault its real server gives.
 */
public final class SafeXml {

  private static final DocumentBuilderFactory FACTORY = factory();

  private SafeXml() {}

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

  /** Parses {@code body}; a DOCTYPE or malformed XML throws the parser's exception (a {@code SAXParseException} with a position). */
  public static Document parse(byte[] body) throws SAXException, IOException {
    DocumentBuilder builder;
    try {
      builder = FACTORY.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(body));
  }

  /** Element children of {@code parent}. */
  public static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** Element children named {@code localName} (any namespace). */
  public static List<Element> children(Element parent, String localName) {
    return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
  }

  /** The first child element named {@code localName}. */
  public static Optional<Element> child(Element parent, String localName) {
    return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst();
  }
}
