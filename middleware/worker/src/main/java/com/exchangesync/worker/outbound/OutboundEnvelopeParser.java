package com.exchangesync.worker.outbound;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an Outbound Message SOAP envelope with a streaming parser that cannot
 * be turned against the worker: DTDs are not supported, external entities are
 * not resolved, and any DOCTYPE or entity reference (other than the five
 * predefined ones and character references, which the parser handles itself)
 * rejects the message before anything is expanded. The caller limits the body
 * size before parsing.
 *
 * <p>Shape (namespace {@value #OUTBOUND_NS}):
 * {@code Envelope/Body/notifications} holds {@code OrganizationId, ActionId,
 * SessionId, EnterpriseUrl, PartnerUrl} and up to 100 {@code Notification}s, each
 * an {@code Id} and an {@code sObject xsi:type="sf:Type"} whose children are fields.
 */
public final class OutboundEnvelopeParser {

  /** Namespace of the {@code notifications} element and its children. */
  public static final String OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";
  /** SOAP 1.1 envelope namespace. */
  public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  /** The most notifications Salesforce puts in one message. */
  public static final int MAX_NOTIFICATIONS = 100;

  private static final int MAX_DEPTH = 16;
  private static final int MAX_FIELDS = 500;

  private final XMLInputFactory factory;

  /** A parser with DTDs and external entities disabled. */
  public OutboundEnvelopeParser() {
    factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver((publicId, systemId, base, ns) -> {
      throw new XMLStreamException("external resources are not resolved");
    });
    trySet(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    trySet(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
  }

  private void trySet(String property, Object value) {
    try {
      factory.setProperty(property, value);
    } catch (IllegalArgumentException e) {
      // A StAX implementation without this JAXP property still has DTDs off, which is what matters.
    }
  }

  /**
   * Parses {@code body}.
   *
   * @throws EnvelopeRejectedException (400) for anything that is not a well-formed
   *     Outbound Message without DTD or entities, or that has more than 100 notifications
   */
  public OutboundMessage parse(byte[] body) throws EnvelopeRejectedException {
    XMLStreamReader xml = null;
    try {
      xml = factory.createXMLStreamReader(new ByteArrayInputStream(body));
      return read(new Reader(xml));
    } catch (XMLStreamException | RuntimeException e) {
      throw new EnvelopeRejectedException(400, "malformed", "not a well-formed Outbound Message ("
          + e.getClass().getSimpleName() + ")");
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException e) {
          // Nothing is held open that matters: the input is a byte array.
        }
      }
    }
  }

  private OutboundMessage read(Reader r) throws XMLStreamException, EnvelopeRejectedException {
    r.expectStart(SOAP_NS, "Envelope");
    r.nextStart();
    if (r.is(SOAP_NS, "Header")) {
      r.skipElement();
      r.nextStart();
    }
    if (!r.is(SOAP_NS, "Body")) {
      throw r.unexpected("soapenv:Body");
    }
    r.nextStart();
    if (!r.is(OUTBOUND_NS, "notifications")) {
      throw r.unexpected("notifications");
    }
    String organizationId = null;
    String actionId = null;
    String partnerUrl = null;
    List<OutboundMessage.Notification> notifications = new ArrayList<>();
    while (r.nextChildStart()) {
      String name = r.xml.getLocalName();
      if (!OUTBOUND_NS.equals(r.xml.getNamespaceURI())) {
        r.skipElement();
        continue;
      }
      switch (name) {
        case "OrganizationId" -> organizationId = r.text();
        case "ActionId" -> actionId = r.text();
        case "PartnerUrl" -> partnerUrl = r.text();
        case "Notification" -> {
          if (notifications.size() == MAX_NOTIFICATIONS) {
            throw new EnvelopeRejectedException(400, "too_many",
                "more than " + MAX_NOTIFICATIONS + " notifications in one message");
          }
          notifications.add(notification(r));
        }
        default -> r.skipElement();
      }
    }
    if (organizationId == null || organizationId.isBlank()) {
      throw new EnvelopeRejectedException(400, "malformed", "the message has no OrganizationId");
    }
    return new OutboundMessage(organizationId.strip(), actionId, partnerUrl, List.copyOf(notifications));
  }

  private OutboundMessage.Notification notification(Reader r) throws XMLStreamException, EnvelopeRejectedException {
    String id = null;
    String type = null;
    Map<String, String> fields = new LinkedHashMap<>();
    while (r.nextChildStart()) {
      String name = r.xml.getLocalName();
      if (OUTBOUND_NS.equals(r.xml.getNamespaceURI()) && name.equals("Id")) {
        id = r.text();
      } else if (OUTBOUND_NS.equals(r.xml.getNamespaceURI()) && name.equals("sObject")) {
        type = sObjectType(r);
        while (r.nextChildStart()) {
          if (fields.size() == MAX_FIELDS) {
            throw new EnvelopeRejectedException(400, "malformed", "a notification has more than " + MAX_FIELDS + " fields");
          }
          String field = r.xml.getLocalName();
          String nil = r.xml.getAttributeValue(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil");
          String value = r.text();
          fields.put(field, "true".equals(nil) ? null : value);
        }
      } else {
        r.skipElement();
      }
    }
    if (id == null || id.isBlank() || type == null) {
      throw new EnvelopeRejectedException(400, "malformed", "a Notification lacks its Id or its sObject type");
    }
    return new OutboundMessage.Notification(id.strip(), type, fields);
  }

  private static String sObjectType(Reader r) throws EnvelopeRejectedException {
    String xsiType = r.xml.getAttributeValue(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type");
    if (xsiType == null || xsiType.isBlank()) {
      throw new EnvelopeRejectedException(400, "malformed", "an sObject has no xsi:type");
    }
    String local = xsiType.contains(":") ? xsiType.substring(xsiType.indexOf(':') + 1) : xsiType;
    if (!local.matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
      throw new EnvelopeRejectedException(400, "malformed", "an sObject's xsi:type is not an object name");
    }
    return local;
  }

  /** A cursor over element starts that refuses DTDs and entity references wherever they appear. */
  private static final class Reader {
    private final XMLStreamReader xml;
    private int depth;

    Reader(XMLStreamReader xml) {
      this.xml = xml;
    }

    private int next() throws XMLStreamException, EnvelopeRejectedException {
      int event = xml.next();
      switch (event) {
        case XMLStreamConstants.DTD -> throw new EnvelopeRejectedException(400, "doctype", "a DOCTYPE is not allowed");
        case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
            throw new EnvelopeRejectedException(400, "entity", "entities are not allowed");
        case XMLStreamConstants.START_ELEMENT -> {
          if (++depth > MAX_DEPTH) {
            throw new EnvelopeRejectedException(400, "malformed", "elements nested too deeply");
          }
        }
        case XMLStreamConstants.END_ELEMENT -> depth--;
        default -> { }
      }
      return event;
    }

    void expectStart(String ns, String name) throws XMLStreamException, EnvelopeRejectedException {
      nextStart();
      if (!is(ns, name)) {
        throw unexpected(name);
      }
    }

    /** Moves to the next start tag (anywhere below). */
    void nextStart() throws XMLStreamException, EnvelopeRejectedException {
      while (xml.hasNext()) {
        int event = next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          return;
        }
        if (event == XMLStreamConstants.CHARACTERS && !xml.isWhiteSpace()) {
          throw new EnvelopeRejectedException(400, "malformed", "unexpected text in the envelope");
        }
      }
      throw new EnvelopeRejectedException(400, "malformed", "the envelope ends early");
    }

    /** From inside an element: moves to its next child start, or returns false at its end tag. */
    boolean nextChildStart() throws XMLStreamException, EnvelopeRejectedException {
      while (xml.hasNext()) {
        int event = next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          return true;
        }
        if (event == XMLStreamConstants.END_ELEMENT) {
          return false;
        }
      }
      throw new EnvelopeRejectedException(400, "malformed", "the envelope ends early");
    }

    /** The text of the current (simple) element; leaves the cursor on its end tag. */
    String text() throws XMLStreamException, EnvelopeRejectedException {
      StringBuilder text = new StringBuilder();
      while (xml.hasNext()) {
        int event = next();
        switch (event) {
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(xml.getText());
          case XMLStreamConstants.END_ELEMENT -> {
            return text.toString();
          }
          case XMLStreamConstants.START_ELEMENT ->
              throw new EnvelopeRejectedException(400, "malformed", "an element that should hold text holds elements");
          default -> { }
        }
      }
      throw new EnvelopeRejectedException(400, "malformed", "the envelope ends early");
    }

    void skipElement() throws XMLStreamException, EnvelopeRejectedException {
      int level = 1;
      while (level > 0 && xml.hasNext()) {
        int event = next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          level++;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          level--;
        }
      }
    }

    boolean is(String ns, String name) {
      return xml.getEventType() == XMLStreamConstants.START_ELEMENT
          && ns.equals(xml.getNamespaceURI()) && name.equals(xml.getLocalName());
    }

    EnvelopeRejectedException unexpected(String expected) {
      return new EnvelopeRejectedException(400, "malformed", "expected " + expected + " but found another element");
    }
  }
}
