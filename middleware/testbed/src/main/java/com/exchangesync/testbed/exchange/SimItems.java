package com.exchangesync.testbed.exchange;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin API's JSON form of contacts and events, as a person would edit
 * them in Outlook, mapped to the EWS properties the test bed stores.
 *
 * <p>Extended properties are a list of
 * {@code {"propertySetId": "<guid>", "name": "<name>", "type": "String", "value": "..."}}.
 */
final class SimItems {

  static final Map<String, String> CONTACT = new LinkedHashMap<>();
  static final Map<String, String> EVENT = new LinkedHashMap<>();

  static {
    CONTACT.put("givenName", "contacts:GivenName");
    CONTACT.put("surname", "contacts:Surname");
    CONTACT.put("displayName", "contacts:DisplayName");
    CONTACT.put("email", "contacts:EmailAddress/EmailAddress1");
    CONTACT.put("email2", "contacts:EmailAddress/EmailAddress2");
    CONTACT.put("email3", "contacts:EmailAddress/EmailAddress3");
    CONTACT.put("companyName", "contacts:CompanyName");
    CONTACT.put("jobTitle", "contacts:JobTitle");
    CONTACT.put("businessPhone", "contacts:PhoneNumber/BusinessPhone");
    CONTACT.put("mobilePhone", "contacts:PhoneNumber/MobilePhone");
    CONTACT.put("homePhone", "contacts:PhoneNumber/HomePhone");
    CONTACT.put("street", "contacts:PhysicalAddress:Street/Business");
    CONTACT.put("city", "contacts:PhysicalAddress:City/Business");
    CONTACT.put("state", "contacts:PhysicalAddress:State/Business");
    CONTACT.put("postalCode", "contacts:PhysicalAddress:PostalCode/Business");
    CONTACT.put("country", "contacts:PhysicalAddress:CountryOrRegion/Business");
    CONTACT.put("notes", "item:Body");
    EVENT.put("subject", "item:Subject");
    EVENT.put("location", "calendar:Location");
    EVENT.put("body", "item:Body");
    EVENT.put("start", "calendar:Start");
    EVENT.put("end", "calendar:End");
    EVENT.put("isAllDay", "calendar:IsAllDayEvent");
    EVENT.put("sensitivity", "item:Sensitivity");
    EVENT.put("isRecurring", "calendar:IsRecurring");
  }

  private SimItems() {}

  /**
   * Applies the JSON fields to {@code item}: a given key sets (null or "" clears),
   * a missing key leaves the property alone.
   *
   * @throws IllegalArgumentException naming the key and what it takes
   */
  static void apply(JsonObject json, Item item) {
    Map<String, String> map = item.kind == Item.Kind.CONTACT ? CONTACT : EVENT;
    for (String key : json.fieldNames()) {
      if (key.equals("extendedProperties")) {
        applyExtended(json.getValue(key), item);
        continue;
      }
      String field = map.get(key);
      if (field == null) {
        throw new IllegalArgumentException("unknown field '" + key + "'; known fields: " + String.join(", ", map.keySet())
            + ", extendedProperties");
      }
      Object raw = json.getValue(key);
      String value;
      if (raw == null) {
        value = "";
      } else if (raw instanceof Boolean b && (key.equals("isAllDay") || key.equals("isRecurring"))) {
        value = b.toString();
      } else if (raw instanceof String s && !key.equals("isAllDay") && !key.equals("isRecurring")) {
        value = s;
      } else {
        throw new IllegalArgumentException("'" + key + "' takes " + (key.startsWith("is") ? "true or false" : "a string"));
      }
      if (field.equals("item:Sensitivity") && !value.isEmpty()
          && !java.util.List.of("Normal", "Personal", "Private", "Confidential").contains(value)) {
        throw new IllegalArgumentException("'sensitivity' takes Normal, Personal, Private or Confidential");
      }
      try {
        setField(item, field, value);
      } catch (ResponseMessageError e) {
        throw new IllegalArgumentException("'" + key + "': " + e.getMessage());
      }
    }
    String start = item.fields.get("calendar:Start");
    String end = item.fields.get("calendar:End");
    if (start != null && end != null && java.time.Instant.parse(end).isBefore(java.time.Instant.parse(start))) {
      throw new IllegalArgumentException("'end' is before 'start'");
    }
  }

  private static void setField(Item item, String field, String value) {
    if (field.equals("calendar:Start") || field.equals("calendar:End")) {
      value = value.isEmpty() ? value : ItemCodec.utc(value);
    }
    if (field.equals("calendar:IsRecurring") || field.equals("calendar:IsAllDayEvent")) {
      if (value.equals("false")) {
        value = field.equals("calendar:IsRecurring") ? "" : "false";
      }
    } else if (!field.equals("item:Body") && value.length() > ItemCodec.MAX_TEXT) {
      throw new ResponseMessageError("ErrorPropertyValidationFailure", "longer than " + ItemCodec.MAX_TEXT + " characters");
    }
    if (value.isEmpty()) {
      item.fields.remove(field);
    } else {
      item.fields.put(field, value);
    }
  }

  private static void applyExtended(Object raw, Item item) {
    if (!(raw instanceof JsonArray list)) {
      throw new IllegalArgumentException("'extendedProperties' takes a list of {propertySetId, name, type, value}");
    }
    for (Object o : list) {
      if (!(o instanceof JsonObject p) || p.getString("propertySetId") == null || p.getString("name") == null) {
        throw new IllegalArgumentException("each extended property needs propertySetId and name");
      }
      ExtendedKey key = new ExtendedKey(p.getString("propertySetId"), p.getString("name"), p.getString("type", "String"));
      String value = p.getValue("value") == null ? null : String.valueOf(p.getValue("value"));
      if (value == null) {
        item.extended.remove(key);
      } else {
        item.extended.put(key, value);
      }
    }
  }

  /** The JSON form of {@code item}. */
  static JsonObject json(Item item, Mailbox m) {
    Map<String, String> map = item.kind == Item.Kind.CONTACT ? CONTACT : EVENT;
    JsonObject out = new JsonObject().put("id", item.id).put("changeKey", item.changeKey)
        .put("folder", m.folders.get(item.folderId).displayName);
    map.forEach((key, field) -> {
      String value = item.fields.get(field);
      if (key.equals("isAllDay") || key.equals("isRecurring")) {
        out.put(key, "true".equals(value));
      } else if (value != null) {
        out.put(key, value);
      }
    });
    if (item.kind == Item.Kind.CALENDAR) {
      out.put("calendarItemType", item.calendarItemType());
    }
    JsonArray ext = new JsonArray();
    item.extended.forEach((k, v) -> ext.add(new JsonObject().put("propertySetId", k.propertySet()).put("name", k.name())
        .put("type", k.type()).put("value", v)));
    out.put("extendedProperties", ext);
    out.put("created", item.created.toString()).put("modified", item.modified.toString());
    return out;
  }
}
