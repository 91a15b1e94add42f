package com.exchangesync.testbed.exchange;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin API's JSON form of contacts, as a person would edit them in
 * Outlook, mapped to the EWS properties the test bed stores (events: see
 * {@link SimEvents}).
 *
 * <p>Extended properties are a list of
 * {@code {"propertySetId": "<guid>", "name": "<name>", "type": "String", "value": "..."}}.
 */
final class SimItems {

  static final Map<String, String> CONTACT = new LinkedHashMap<>();

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
  }

  private SimItems() {}

  /**
   * Applies the JSON fields to {@code item}: a given key sets (null or "" clears),
   * a missing key leaves the property alone.
   *
   * @throws IllegalArgumentException naming the key and what it takes
   */
  static void apply(JsonObject json, Item item) {
    Map<String, String> map = CONTACT;
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
      } else if (raw instanceof String s) {
        value = s;
      } else {
        throw new IllegalArgumentException("'" + key + "' takes a string");
      }
      try {
        setField(item, field, value);
      } catch (ResponseMessageError e) {
        throw new IllegalArgumentException("'" + key + "': " + e.getMessage());
      }
    }
  }

  private static void setField(Item item, String field, String value) {
    if (!field.equals("item:Body") && value.length() > ItemCodec.MAX_TEXT) {
      throw new ResponseMessageError("ErrorPropertyValidationFailure", "longer than " + ItemCodec.MAX_TEXT + " characters");
    }
    if (value.isEmpty()) {
      item.fields.remove(field);
    } else {
      item.fields.put(field, value);
    }
  }

  /** Applies {@code extendedProperties} (a null value removes one). */
  static void applyExtended(Object raw, Item item) {
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

  /** The JSON form of a contact. */
  static JsonObject json(Item item, Mailbox m) {
    JsonObject out = new JsonObject().put("id", item.id).put("changeKey", item.changeKey)
        .put("folder", m.folders.get(item.folderId).displayName);
    CONTACT.forEach((key, field) -> {
      String value = item.fields.get(field);
      if (value != null) {
        out.put(key, value);
      }
    });
    out.put("extendedProperties", extendedJson(item));
    out.put("created", item.created.toString()).put("modified", item.modified.toString());
    return out;
  }

  /** An item's extended properties as the admin API lists them. */
  static JsonArray extendedJson(Item item) {
    JsonArray ext = new JsonArray();
    item.extended.forEach((k, v) -> ext.add(new JsonObject().put("propertySetId", k.propertySet()).put("name", k.name())
        .put("type", k.type()).put("value", v)));
    return ext;
  }
}
