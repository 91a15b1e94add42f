package com.exchangesync.testbed.exchange;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * What a request asked to see of each item: {@code IdOnly}, {@code Default} or
 * {@code AllProperties}, plus additional properties. Extended properties are
 * returned only when asked for by name, as Exchange does.
 */
final class ItemShape {

  final boolean idOnly;
  final Set<String> fields = new HashSet<>();
  final Set<ExtendedKey> extended = new LinkedHashSet<>();

  ItemShape(boolean idOnly) {
    this.idOnly = idOnly;
  }

  static final ItemShape ID_ONLY = new ItemShape(true);

  /** Reads an {@code ItemShape} (or {@code FolderShape}) element; absent means IdOnly. */
  static ItemShape parse(Element shape) {
    if (shape == null) {
      return ID_ONLY;
    }
    String base = Xml.childText(shape, "BaseShape").orElse("IdOnly").trim();
    ItemShape s = new ItemShape(base.equals("IdOnly"));
    Xml.child(shape, "AdditionalProperties").ifPresent(props -> {
      for (Element p : Xml.children(props)) {
        switch (p.getLocalName()) {
          case "FieldURI" -> s.fields.add(p.getAttribute("FieldURI"));
          case "IndexedFieldURI" -> s.fields.add(p.getAttribute("FieldURI") + "/" + p.getAttribute("FieldIndex"));
          case "ExtendedFieldURI" -> s.extended.add(FieldPaths.extendedKey(p));
          default -> throw SoapFault.schemaValidation("Unexpected element " + p.getLocalName() + " in AdditionalProperties.", 0, 0);
        }
      }
    });
    return s;
  }

  boolean wants(String fieldKey) {
    return !idOnly || fields.contains(fieldKey);
  }
}
