package com.exchangesync.testbed.exchange;

import com.exchangesync.testbed.CaseFold;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Evaluates an EWS {@code Restriction}: {@code And}, {@code Or}, {@code Not},
 * {@code IsEqualTo}, {@code IsNotEqualTo}, {@code Exists} and {@code Contains}
 * over item or folder properties, including extended properties. String
 * comparisons ignore case, as Exchange's do.
 */
final class Restrictions {

  private Restrictions() {}

  static Predicate<Item> forItems(Element restriction) {
    return parse(single(restriction), Restrictions::valueOf);
  }

  static Predicate<Folder> forFolders(Element restriction) {
    return parse(single(restriction), Restrictions::folderValue);
  }

  /** How to read the value a path names from a candidate; null means the property is not set. */
  private interface Values<T> extends java.util.function.BiFunction<T, Element, String> {}

  private static Element single(Element restriction) {
    List<Element> children = Xml.children(restriction);
    if (children.size() != 1) {
      throw SoapFault.schemaValidation("A Restriction holds exactly one search expression.", 0, 0);
    }
    return children.get(0);
  }

  private static <T> Predicate<T> parse(Element e, Values<T> values) {
    List<Element> children = Xml.children(e);
    return switch (e.getLocalName()) {
      case "And" -> children.stream().map(c -> parse(c, values)).reduce(x -> true, Predicate::and);
      case "Or" -> {
        Predicate<T> anyOf = equalToAnyOf(children, values);
        yield anyOf != null ? anyOf : children.stream().map(c -> parse(c, values)).reduce(x -> false, Predicate::or);
      }
      case "Not" -> parse(children.get(0), values).negate();
      case "Exists" -> t -> values.apply(t, children.get(0)) != null;
      case "IsEqualTo", "IsNotEqualTo" -> {
        Element path = children.get(0);
        String constant = constant(children.get(1));
        Predicate<T> equal = t -> {
          String v = values.apply(t, path);
          return v != null && v.equalsIgnoreCase(constant);
        };
        yield e.getLocalName().equals("IsEqualTo") ? equal : equal.negate();
      }
      case "Contains" -> {
        Element path = children.get(0);
        if (!path.getLocalName().equals("ExtendedFieldURI") && NOT_TEXT.contains(FieldPaths.fieldKey(path))) {
          throw new ResponseMessageError("ErrorContainsFilterWrongType",
              "The Contains filter can only be used for string properties, not " + FieldPaths.fieldKey(path) + ".");
        }
        String constant = Xml.attr(children.get(1), "Value").orElse("");
        Containment containment = new Containment(Xml.attr(e, "ContainmentMode").orElse("FullString"),
            Xml.attr(e, "ContainmentComparison").orElse("Exact"));
        yield t -> {
          String v = values.apply(t, path);
          return v != null && containment.matches(v, constant);
        };
      }
      default -> throw new ResponseMessageError("ErrorUnsupportedQueryFilter",
          "The restriction " + e.getLocalName() + " is not supported by this test bed.");
    };
  }

  /**
   * An {@code Or} of {@code IsEqualTo}s on one property (a sync looks its items up by our extended
   * property, a batch of Salesforce ids at a time) as one hashed lookup per item instead of a comparison
   * per constant; null for any other {@code Or}. Same answers: the constants are filed by {@link CaseFold},
   * and a value is still compared with those filed under its key.
   */
  private static <T> Predicate<T> equalToAnyOf(List<Element> children, Values<T> values) {
    Element path = null;
    String pathName = null;
    Map<String, List<String>> constants = new HashMap<>();
    for (Element c : children) {
      if (!c.getLocalName().equals("IsEqualTo")) {
        return null;
      }
      List<Element> operands = Xml.children(c);
      String name = pathName(operands.get(0));
      if (name == null || (pathName != null && !pathName.equals(name))) {
        return null;
      }
      path = operands.get(0);
      pathName = name;
      String constant = constant(operands.get(1));
      constants.computeIfAbsent(CaseFold.key(constant), k -> new ArrayList<>()).add(constant);
    }
    if (path == null) {
      return null;
    }
    Element p = path;
    return t -> {
      String v = values.apply(t, p);
      List<String> same = v == null ? null : constants.get(CaseFold.key(v));
      return same != null && same.stream().anyMatch(v::equalsIgnoreCase);
    };
  }

  /** A property path element as text (its name and attributes), to tell whether two name one property; null if it has children. */
  private static String pathName(Element path) {
    if (!Xml.children(path).isEmpty()) {
      return null;
    }
    TreeMap<String, String> attributes = new TreeMap<>();
    for (int i = 0; i < path.getAttributes().getLength(); i++) {
      Node a = path.getAttributes().item(i);
      attributes.put(a.getNodeName(), a.getNodeValue());
    }
    return path.getNamespaceURI() + " " + path.getLocalName() + " " + attributes;
  }

  private static String constant(Element fieldUriOrConstant) {
    Element c = Xml.child(fieldUriOrConstant, "Constant").orElseThrow(() -> new ResponseMessageError(
        "ErrorUnsupportedQueryFilter", "Only comparisons with a constant are supported by this test bed."));
    return c.getAttribute("Value");
  }

  /** Properties that are not text: a {@code Contains} on one is refused. */
  private static final Set<String> NOT_TEXT = Set.of("calendar:Start", "calendar:End", "calendar:IsAllDayEvent",
      "calendar:IsRecurring", "calendar:IsMeeting", "calendar:OriginalStart", "item:DateTimeCreated", "item:LastModifiedTime");

  /** The value of the property {@code path} names on {@code item}, as text; null when not set. */
  static String valueOf(Item item, Element path) {
    if (path.getLocalName().equals("ExtendedFieldURI")) {
      return item.extended.get(FieldPaths.extendedKey(path));
    }
    String key = FieldPaths.fieldKey(path);
    return switch (key) {
      case "item:ItemClass" -> item.itemClass();
      case "item:ItemId" -> item.id;
      case "item:DateTimeCreated" -> item.created.toString();
      case "item:LastModifiedTime" -> item.modified.toString();
      case "item:Sensitivity" -> item.fields.getOrDefault(key, "Normal");
      case "calendar:CalendarItemType" -> item.kind == Item.Kind.CALENDAR ? item.calendarItemType() : null;
      case "calendar:IsRecurring" -> item.kind == Item.Kind.CALENDAR
          ? Boolean.toString(item.calendar.recurrence != null || item.occurrence != null) : null;
      case "calendar:IsMeeting" -> item.kind == Item.Kind.CALENDAR ? Boolean.toString(item.calendar.isMeeting()) : null;
      case "calendar:UID" -> item.kind == Item.Kind.CALENDAR ? item.calendar.uid : null;
      case "contacts:DisplayName" -> ItemCodec.displayName(item);
      default -> item.fields.get(key);
    };
  }

  private static String folderValue(Folder folder, Element path) {
    if (path.getLocalName().equals("ExtendedFieldURI")) {
      return null;
    }
    return switch (FieldPaths.fieldKey(path)) {
      case "folder:DisplayName" -> folder.displayName;
      case "folder:FolderClass" -> folder.folderClass;
      case "folder:FolderId" -> folder.id;
      default -> null;
    };
  }

}
