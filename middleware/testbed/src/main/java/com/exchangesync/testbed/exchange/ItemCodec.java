package com.exchangesync.testbed.exchange;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Reads the properties of a {@code t:Contact} or {@code t:CalendarItem}
 * element into an {@link Item}, and writes items back in the element order of
 * Microsoft's schema (which real clients and the schema check both require).
 */
public final class ItemCodec {

  /** Single-line text longer than this is refused, as Exchange refuses over-long string properties. */
  public static final int MAX_TEXT = 255;

  /** Common item properties that may be set, in schema order: element name to field URI. */
  private static final Map<String, String> ITEM = ordered("Subject", "item:Subject", "Sensitivity", "item:Sensitivity",
      "Body", "item:Body");

  /** Contact properties before the dictionaries, in schema order. */
  private static final Map<String, String> CONTACT_HEAD = ordered("FileAs", "contacts:FileAs",
      "FileAsMapping", "contacts:FileAsMapping", "DisplayName", "contacts:DisplayName", "GivenName", "contacts:GivenName",
      "Initials", "contacts:Initials", "MiddleName", "contacts:MiddleName", "Nickname", "contacts:Nickname",
      "CompanyName", "contacts:CompanyName");

  /** Contact properties after the dictionaries, in schema order. */
  private static final Map<String, String> CONTACT_TAIL = ordered("AssistantName", "contacts:AssistantName",
      "BusinessHomePage", "contacts:BusinessHomePage", "Department", "contacts:Department",
      "Generation", "contacts:Generation", "JobTitle", "contacts:JobTitle", "Manager", "contacts:Manager",
      "Mileage", "contacts:Mileage", "OfficeLocation", "contacts:OfficeLocation",
      "PostalAddressIndex", "contacts:PostalAddressIndex", "Profession", "contacts:Profession",
      "SpouseName", "contacts:SpouseName", "Surname", "contacts:Surname");

  /** Calendar properties that may be set as simple values, in schema order. */
  private static final Map<String, String> CALENDAR = new LinkedHashMap<>();

  static {
    CalendarItemCodec.SIMPLE.forEach(s -> CALENDAR.put(s[0], s[1]));
  }

  /** The parts of a physical address, in schema order. */
  static final List<String> ADDRESS_PARTS = List.of("Street", "City", "State", "CountryOrRegion", "PostalCode");
  private static final List<String> ADDRESS_KEYS = List.of("Business", "Home", "Other");
  private static final List<String> EMAIL_KEYS = List.of("EmailAddress1", "EmailAddress2", "EmailAddress3");
  private static final Set<String> PHONE_KEYS = Set.of("AssistantPhone", "BusinessFax", "BusinessPhone", "BusinessPhone2",
      "Callback", "CarPhone", "CompanyMainPhone", "HomeFax", "HomePhone", "HomePhone2", "Isdn", "MobilePhone",
      "OtherFax", "OtherTelephone", "Pager", "PrimaryPhone", "RadioPhone", "Telex", "TtyTddPhone");

  /** Properties clients send that the test bed accepts without modelling (they change nothing synced). */
  private static final Set<String> ACCEPTED_UNMODELLED = Set.of("Importance", "Categories", "ReminderIsSet",
      "ReminderMinutesBeforeStart", "ReminderDueBy", "Culture", "TimeZone", "ItemClass", "When", "IsResponseRequested",
      "AllowNewTimeProposal", "ConferenceType", "IsOnlineMeeting", "MeetingWorkspaceUrl", "NetShowUrl");

  /** Read-only properties: setting them is {@code ErrorInvalidPropertySet}. */
  private static final Set<String> READ_ONLY = Set.of("ItemId", "ParentFolderId", "DateTimeCreated", "LastModifiedTime",
      "DateTimeReceived", "Size", "IsRecurring", "CalendarItemType", "CompleteName", "HasAttachments", "OriginalStart",
      "IsMeeting", "IsCancelled", "MeetingRequestWasSent", "MyResponseType", "Organizer", "Duration", "AppointmentState",
      "AppointmentSequenceNumber", "AppointmentReplyTime", "FirstOccurrence", "LastOccurrence", "ModifiedOccurrences",
      "DeletedOccurrences", "ConflictingMeetingCount", "AdjacentMeetingCount");

  private ItemCodec() {}

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static final Map<String, String> ELEMENT_OF_FIELD = new HashMap<>();

  static {
    for (Map<String, String> m : List.of(ITEM, CONTACT_HEAD, CONTACT_TAIL, CALENDAR)) {
      m.forEach((element, field) -> ELEMENT_OF_FIELD.put(field, element));
    }
  }

  /** The element name of a simple field URI, or null. */
  static String elementOf(String fieldUri) {
    return ELEMENT_OF_FIELD.get(fieldUri);
  }

  // --- reading ---------------------------------------------------------------------------------

  /**
   * Applies every property in {@code element} to {@code item}; a date-time
   * without an offset is in {@code context} (the request's
   * {@code TimeZoneContext}), or UTC when there is none.
   *
   * @throws ResponseMessageError naming the property when one cannot be set
   */
  static void apply(Element element, Item item, CalendarZone context) {
    for (Element p : Xml.children(element)) {
      String name = p.getLocalName();
      String field = simpleField(item.kind, name);
      if (field != null) {
        if (name.equals("Body")) {
          item.bodyType = Xml.attr(p, "BodyType").orElse("Text");
        }
        set(item, field, p.getTextContent(), context);
      } else if (name.equals("EmailAddresses") && item.kind == Item.Kind.CONTACT) {
        for (Element e : Xml.children(p, "Entry")) {
          String key = e.getAttribute("Key");
          if (!EMAIL_KEYS.contains(key)) {
            throw new ResponseMessageError("ErrorInvalidPropertySet", "Unknown email address key " + key + ".");
          }
          set(item, "contacts:EmailAddress/" + key, e.getTextContent(), null);
        }
      } else if (name.equals("PhoneNumbers") && item.kind == Item.Kind.CONTACT) {
        for (Element e : Xml.children(p, "Entry")) {
          String key = e.getAttribute("Key");
          if (!PHONE_KEYS.contains(key)) {
            throw new ResponseMessageError("ErrorInvalidPropertySet", "Unknown phone number key " + key + ".");
          }
          set(item, "contacts:PhoneNumber/" + key, e.getTextContent(), null);
        }
      } else if (name.equals("PhysicalAddresses") && item.kind == Item.Kind.CONTACT) {
        for (Element e : Xml.children(p, "Entry")) {
          String key = e.getAttribute("Key");
          if (!ADDRESS_KEYS.contains(key)) {
            throw new ResponseMessageError("ErrorInvalidPropertySet", "Unknown physical address key " + key + ".");
          }
          for (Element part : Xml.children(e)) {
            set(item, "contacts:PhysicalAddress:" + part.getLocalName() + "/" + key, part.getTextContent(), null);
          }
        }
      } else if (name.equals("ExtendedProperty")) {
        Element uri = Xml.child(p, "ExtendedFieldURI").orElseThrow(
            () -> new ResponseMessageError("ErrorInvalidPropertySet", "An ExtendedProperty needs an ExtendedFieldURI."));
        String value = Xml.childText(p, "Value").orElse("");
        item.extended.put(FieldPaths.extendedKey(uri), value);
      } else if (item.kind == Item.Kind.CALENDAR && CalendarItemCodec.apply(p, item)) {
        continue;
      } else if (READ_ONLY.contains(name)) {
        throw new ResponseMessageError("ErrorInvalidPropertySet", "Set action is invalid for property " + name + ".");
      } else if (!ACCEPTED_UNMODELLED.contains(name)) {
        throw new ResponseMessageError("ErrorInvalidPropertySet",
            "The property " + name + " cannot be set on a " + (item.kind == Item.Kind.CONTACT ? "contact" : "calendar item")
                + " in this test bed.");
      }
    }
  }

  /** Removes the property a {@code DeleteItemField} names. */
  static void delete(Item item, String fieldKey, ExtendedKey extended) {
    if (extended != null) {
      item.extended.remove(extended);
      return;
    }
    if (fieldKey.equals("contacts:PhysicalAddresses") || fieldKey.equals("contacts:EmailAddresses")
        || fieldKey.equals("contacts:PhoneNumbers")) {
      String prefix = fieldKey.equals("contacts:PhysicalAddresses") ? "contacts:PhysicalAddress:"
          : fieldKey.equals("contacts:EmailAddresses") ? "contacts:EmailAddress/" : "contacts:PhoneNumber/";
      item.fields.keySet().removeIf(k -> k.startsWith(prefix));
      return;
    }
    if (item.kind == Item.Kind.CALENDAR && CalendarItemCodec.delete(item, fieldKey)) {
      return;
    }
    if (fieldKey.contains("/") || ELEMENT_OF_FIELD.containsKey(fieldKey)) {
      item.fields.remove(fieldKey);
      return;
    }
    throw new ResponseMessageError("ErrorInvalidPropertyDelete", "The property " + fieldKey + " cannot be deleted.");
  }

  private static String simpleField(Item.Kind kind, String element) {
    String f = ITEM.get(element);
    if (f == null) {
      f = kind == Item.Kind.CONTACT ? CONTACT_HEAD.getOrDefault(element, CONTACT_TAIL.get(element)) : CALENDAR.get(element);
    }
    return f;
  }

  private static void set(Item item, String field, String raw, CalendarZone context) {
    String value = raw == null ? "" : raw;
    if (field.equals("calendar:Start") || field.equals("calendar:End")) {
      value = utc(value.trim(), context);
    } else if (field.equals("calendar:IsAllDayEvent")) {
      value = bool(value.trim(), field);
    } else if (!field.equals("item:Body") && value.length() > MAX_TEXT) {
      throw new ResponseMessageError("ErrorPropertyValidationFailure",
          "The value of " + field + " is longer than " + MAX_TEXT + " characters.");
    }
    if (value.isEmpty()) {
      item.fields.remove(field);
    } else {
      item.fields.put(field, value);
    }
  }

  /** Checks and settles the item as a whole, once all of a create's or an update's properties are applied. */
  static void validate(Item item, CalendarZone context) {
    if (item.kind == Item.Kind.CALENDAR) {
      CalendarRules.settle(item, context);
    }
  }

  /**
   * An xs:dateTime in UTC with an explicit Z; one without an offset is in
   * {@code context} (the request's {@code TimeZoneContext}), else UTC.
   */
  static String utc(String value, CalendarZone context) {
    if (value.isEmpty()) {
      return value;
    }
    try {
      return OffsetDateTime.parse(value).toInstant().toString();
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime local = LocalDateTime.parse(value);
        return (context == null ? local.toInstant(ZoneOffset.UTC) : context.toInstant(local)).toString();
      } catch (DateTimeParseException e2) {
        throw new ResponseMessageError("ErrorInvalidValueForProperty", "'" + value + "' is not a valid date and time.");
      }
    }
  }

  private static String bool(String value, String field) {
    return switch (value) {
      case "true", "1" -> "true";
      case "false", "0", "" -> "false";
      default -> throw new ResponseMessageError("ErrorInvalidValueForProperty", "'" + value + "' is not a valid value for " + field + ".");
    };
  }

  // --- writing ---------------------------------------------------------------------------------

  /**
   * Writes {@code item} as its element ({@code t:Contact} or {@code t:CalendarItem}) showing what {@code shape} asks for;
   * {@code owner} is the mailbox, a calendar item's organizer.
   */
  static void write(StringBuilder out, Item item, ItemShape shape, Mailbox owner) {
    String element = item.kind == Item.Kind.CONTACT ? "Contact" : "CalendarItem";
    out.append("<t:").append(element).append('>');
    out.append("<t:ItemId Id=\"").append(item.id).append("\" ChangeKey=\"").append(item.changeKey).append("\"/>");
    if (shape.wants("item:ParentFolderId")) {
      out.append("<t:ParentFolderId Id=\"").append(item.folderId).append("\" ChangeKey=\"AQAAAA==\"/>");
    }
    if (shape.wants("item:ItemClass")) {
      out.append("<t:ItemClass>").append(item.itemClass()).append("</t:ItemClass>");
    }
    for (Map.Entry<String, String> e : ITEM.entrySet()) {
      String value = item.fields.get(e.getValue());
      if (value == null && e.getKey().equals("Sensitivity")) {
        value = "Normal"; // every item has a sensitivity; Exchange reports the default
      }
      if (value != null && shape.wants(e.getValue())) {
        if (e.getKey().equals("Body")) {
          out.append("<t:Body BodyType=\"").append(item.bodyType.equals("HTML") ? "HTML" : "Text").append("\">")
              .append(Xml.esc(value)).append("</t:Body>");
        } else {
          simple(out, e.getKey(), value);
        }
      }
    }
    if (shape.wants("item:DateTimeCreated")) {
      out.append("<t:DateTimeCreated>").append(item.created).append("</t:DateTimeCreated>");
    }
    for (ExtendedKey key : shape.extended) {
      String value = item.extended.get(key);
      if (value != null) {
        out.append("<t:ExtendedProperty>").append(FieldPaths.extendedFieldUri(key))
            .append("<t:Value>").append(Xml.esc(value)).append("</t:Value></t:ExtendedProperty>");
      }
    }
    if (shape.wants("item:LastModifiedTime")) {
      out.append("<t:LastModifiedTime>").append(item.modified).append("</t:LastModifiedTime>");
    }
    if (item.kind == Item.Kind.CONTACT) {
      writeContact(out, item, shape);
    } else {
      CalendarItemCodec.write(out, item, shape, owner);
    }
    out.append("</t:").append(element).append('>');
  }

  private static void writeContact(StringBuilder out, Item item, ItemShape shape) {
    for (Map.Entry<String, String> e : CONTACT_HEAD.entrySet()) {
      String value = e.getValue().equals("contacts:DisplayName") ? displayName(item) : item.fields.get(e.getValue());
      if (value != null && !value.isEmpty() && shape.wants(e.getValue())) {
        simple(out, e.getKey(), value);
      }
    }
    dictionary(out, item, shape, "EmailAddresses", "contacts:EmailAddresses", "contacts:EmailAddress", EMAIL_KEYS);
    if (hasAny(item, "contacts:PhysicalAddress:")) {
      StringBuilder entries = new StringBuilder();
      for (String key : ADDRESS_KEYS) {
        StringBuilder parts = new StringBuilder();
        for (String part : ADDRESS_PARTS) {
          String field = "contacts:PhysicalAddress:" + part + "/" + key;
          String value = item.fields.get(field);
          if (value != null && (shape.wants(field) || shape.fields.contains("contacts:PhysicalAddresses"))) {
            parts.append("<t:").append(part).append('>').append(Xml.esc(value)).append("</t:").append(part).append('>');
          }
        }
        if (!parts.isEmpty()) {
          entries.append("<t:Entry Key=\"").append(key).append("\">").append(parts).append("</t:Entry>");
        }
      }
      if (!entries.isEmpty()) {
        out.append("<t:PhysicalAddresses>").append(entries).append("</t:PhysicalAddresses>");
      }
    }
    dictionary(out, item, shape, "PhoneNumbers", "contacts:PhoneNumbers", "contacts:PhoneNumber",
        PHONE_KEYS.stream().sorted().toList());
    for (Map.Entry<String, String> e : CONTACT_TAIL.entrySet()) {
      String value = item.fields.get(e.getValue());
      if (value != null && shape.wants(e.getValue())) {
        simple(out, e.getKey(), value);
      }
    }
  }

  private static void dictionary(StringBuilder out, Item item, ItemShape shape, String element, String wholeUri,
                                 String entryUri, List<String> keys) {
    StringBuilder entries = new StringBuilder();
    for (String key : keys) {
      String field = entryUri + "/" + key;
      String value = item.fields.get(field);
      if (value != null && (shape.wants(field) || shape.fields.contains(wholeUri))) {
        entries.append("<t:Entry Key=\"").append(key).append("\">").append(Xml.esc(value)).append("</t:Entry>");
      }
    }
    if (!entries.isEmpty()) {
      out.append("<t:").append(element).append('>').append(entries).append("</t:").append(element).append('>');
    }
  }

  private static boolean hasAny(Item item, String prefix) {
    return item.fields.keySet().stream().anyMatch(k -> k.startsWith(prefix));
  }

  /** Exchange fills a contact's display name from its names when none was given. */
  public static String displayName(Item item) {
    String explicit = item.fields.get("contacts:DisplayName");
    if (explicit != null) {
      return explicit;
    }
    String given = item.fields.getOrDefault("contacts:GivenName", "");
    String surname = item.fields.getOrDefault("contacts:Surname", "");
    return (given + " " + surname).trim();
  }

  private static void simple(StringBuilder out, String element, String value) {
    out.append("<t:").append(element).append('>').append(Xml.esc(value)).append("</t:").append(element).append('>');
  }
}
