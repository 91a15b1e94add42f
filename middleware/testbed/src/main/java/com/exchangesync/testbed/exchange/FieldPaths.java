package com.exchangesync.testbed.exchange;

import org.w3c.dom.Element;

/** Reads the property paths of requests: {@code FieldURI}, {@code IndexedFieldURI}, {@code ExtendedFieldURI}. */
final class FieldPaths {

  private FieldPaths() {}

  /** The key an {@code ExtendedFieldURI} names (by name, id or tag). */
  static ExtendedKey extendedKey(Element uri) {
    String set = uri.hasAttribute("PropertySetId") ? uri.getAttribute("PropertySetId")
        : uri.getAttribute("DistinguishedPropertySetId");
    String name;
    if (uri.hasAttribute("PropertyName")) {
      name = uri.getAttribute("PropertyName");
    } else if (uri.hasAttribute("PropertyId")) {
      name = "#id:" + uri.getAttribute("PropertyId");
    } else {
      name = "#tag:" + uri.getAttribute("PropertyTag").toLowerCase(java.util.Locale.ROOT);
    }
    return new ExtendedKey(set, name, uri.getAttribute("PropertyType"));
  }

  /** Writes an {@code ExtendedFieldURI} element for {@code key}. */
  static String extendedFieldUri(ExtendedKey key) {
    StringBuilder out = new StringBuilder("<t:ExtendedFieldURI");
    if (key.propertySet().matches("[0-9a-f-]{36}")) {
      out.append(" PropertySetId=\"").append(key.propertySet()).append('"');
    } else if (!key.propertySet().isEmpty()) {
      out.append(" DistinguishedPropertySetId=\"").append(Xml.esc(distinguished(key.propertySet()))).append('"');
    }
    if (key.name().startsWith("#id:")) {
      out.append(" PropertyId=\"").append(Xml.esc(key.name().substring(4))).append('"');
    } else if (key.name().startsWith("#tag:")) {
      out.append(" PropertyTag=\"").append(Xml.esc(key.name().substring(5))).append('"');
    } else {
      out.append(" PropertyName=\"").append(Xml.esc(key.name())).append('"');
    }
    return out.append(" PropertyType=\"").append(Xml.esc(key.type())).append("\"/>").toString();
  }

  /** Distinguished property-set names are case-sensitive enumerations; the key keeps them lower-cased. */
  private static String distinguished(String lower) {
    for (String name : new String[] {"Meeting", "Appointment", "Common", "PublicStrings", "Address", "InternetHeaders",
        "CalendarAssistant", "UnifiedMessaging", "Task", "Sharing"}) {
      if (name.equalsIgnoreCase(lower)) {
        return name;
      }
    }
    return lower;
  }

  /**
   * The field key a {@code FieldURI} or {@code IndexedFieldURI} element names,
   * e.g. {@code contacts:EmailAddress/EmailAddress1}.
   */
  static String fieldKey(Element uri) {
    return switch (uri.getLocalName()) {
      case "FieldURI" -> uri.getAttribute("FieldURI");
      case "IndexedFieldURI" -> uri.getAttribute("FieldURI") + "/" + uri.getAttribute("FieldIndex");
      default -> throw SoapFault.schemaValidation("Expected a FieldURI or IndexedFieldURI, found " + uri.getLocalName() + ".", 0, 0);
    };
  }
}
