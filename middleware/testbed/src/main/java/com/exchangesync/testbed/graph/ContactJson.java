package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.Item;
import com.exchangesync.testbed.exchange.ItemCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graph v1.0's {@code contact} resource over the shared store's contact
 * items (properties keyed by their EWS paths, so an edit through either
 * protocol or the admin API is seen through all): {@code emailAddresses} are
 * {@code EmailAddress1..3}, {@code businessPhones} {@code BusinessPhone} and
 * {@code BusinessPhone2}, {@code homePhones} {@code HomePhone} and
 * {@code HomePhone2}, the three addresses the physical addresses,
 * {@code personalNotes} the body. An email address's display name is kept
 * beside it (Graph shows it, EWS does not); when the address changes through
 * EWS, the name is the new address.
 */
final class ContactJson {

  /** Simple text properties: Graph name to EWS path. */
  static final Map<String, String> TEXT = new LinkedHashMap<>();
  private static final Map<String, String> ADDRESSES = Map.of("businessAddress", "Business", "homeAddress", "Home",
      "otherAddress", "Other");
  private static final Map<String, String> ADDRESS_PARTS = new LinkedHashMap<>();
  private static final List<String> EMAIL_KEYS = List.of("EmailAddress1", "EmailAddress2", "EmailAddress3");
  private static final String EMAIL_NAME = "graph:EmailName/";
  /** Read-only or not modelled: taken in a body and not stored (Graph ignores read-only properties it is sent). */
  private static final Set<String> IGNORED = Set.of("id", "changeKey", "createdDateTime", "lastModifiedDateTime", "parentFolderId");

  static {
    TEXT.put("givenName", "contacts:GivenName");
    TEXT.put("middleName", "contacts:MiddleName");
    TEXT.put("surname", "contacts:Surname");
    TEXT.put("displayName", "contacts:DisplayName");
    TEXT.put("initials", "contacts:Initials");
    TEXT.put("nickName", "contacts:Nickname");
    TEXT.put("generation", "contacts:Generation");
    TEXT.put("fileAs", "contacts:FileAs");
    TEXT.put("companyName", "contacts:CompanyName");
    TEXT.put("department", "contacts:Department");
    TEXT.put("jobTitle", "contacts:JobTitle");
    TEXT.put("officeLocation", "contacts:OfficeLocation");
    TEXT.put("profession", "contacts:Profession");
    TEXT.put("businessHomePage", "contacts:BusinessHomePage");
    TEXT.put("assistantName", "contacts:AssistantName");
    TEXT.put("manager", "contacts:Manager");
    TEXT.put("spouseName", "contacts:SpouseName");
    TEXT.put("mobilePhone", "contacts:PhoneNumber/MobilePhone");
    ADDRESS_PARTS.put("street", "Street");
    ADDRESS_PARTS.put("city", "City");
    ADDRESS_PARTS.put("state", "State");
    ADDRESS_PARTS.put("countryOrRegion", "CountryOrRegion");
    ADDRESS_PARTS.put("postalCode", "PostalCode");
  }

  private ContactJson() {}

  /** The full JSON of a contact, every extended property included (trimmed by {@link ODataQuery#shape}). */
  static JsonObject render(Item item) {
    JsonObject out = new JsonObject().put("@odata.etag", etag(item.changeKey)).put("id", item.id)
        .put("createdDateTime", GraphTime.offset(item.created)).put("lastModifiedDateTime", GraphTime.offset(item.modified))
        .put("changeKey", item.changeKey).put("categories", new JsonArray()).put("parentFolderId", item.folderId)
        .putNull("birthday").put("title", (String) null);
    TEXT.forEach((name, field) -> out.put(name, item.fields.get(field)));
    out.put("displayName", ItemCodec.displayName(item));
    out.put("fileAs", item.fields.getOrDefault("contacts:FileAs", ""));
    out.put("imAddresses", new JsonArray()).put("children", new JsonArray());
    out.put("businessPhones", list(item, "contacts:PhoneNumber/BusinessPhone", "contacts:PhoneNumber/BusinessPhone2"));
    out.put("homePhones", list(item, "contacts:PhoneNumber/HomePhone", "contacts:PhoneNumber/HomePhone2"));
    JsonArray emails = new JsonArray();
    for (String key : EMAIL_KEYS) {
      String address = item.fields.get("contacts:EmailAddress/" + key);
      if (address != null) {
        emails.add(new JsonObject().put("name", emailName(item, key, address)).put("address", address));
      }
    }
    out.put("emailAddresses", emails);
    ADDRESSES.forEach((name, key) -> {
      JsonObject address = new JsonObject();
      ADDRESS_PARTS.forEach((part, ews) -> {
        String v = item.fields.get("contacts:PhysicalAddress:" + ews + "/" + key);
        if (v != null) {
          address.put(part, v);
        }
      });
      out.put(name, address);
    });
    out.put("personalNotes", item.fields.getOrDefault("item:Body", ""));
    out.put("singleValueExtendedProperties", ExtendedProperties.json(item.extended));
    return out;
  }

  static String etag(String changeKey) {
    return "W/\"" + changeKey + "\"";
  }

  private static String emailName(Item item, String key, String address) {
    String kept = item.fields.get(EMAIL_NAME + key);
    if (kept != null && kept.startsWith(address + "\n")) {
      return kept.substring(address.length() + 1);
    }
    return address;
  }

  private static JsonArray list(Item item, String... fields) {
    JsonArray out = new JsonArray();
    for (String f : fields) {
      if (item.fields.get(f) != null) {
        out.add(item.fields.get(f));
      }
    }
    return out;
  }

  /**
   * Applies a create's or PATCH's body: a given property sets (null clears), a missing one is left alone.
   *
   * @throws GraphError with the code Graph gives for an unknown property, a wrong type or a value Exchange refuses
   */
  static void apply(JsonObject body, Item item) {
    for (String key : body.fieldNames()) {
      Object value = body.getValue(key);
      if (key.startsWith("@odata.") || IGNORED.contains(key)) {
        continue;
      }
      if (TEXT.containsKey(key)) {
        setText(item, TEXT.get(key), text(value, key));
      } else if (ADDRESSES.containsKey(key)) {
        address(item, ADDRESSES.get(key), value, key);
      } else {
        switch (key) {
          case "personalNotes" -> {
            String notes = text(value, key);
            if (notes == null || notes.isEmpty()) {
              item.fields.remove("item:Body");
            } else {
              item.fields.put("item:Body", notes);
              item.bodyType = "Text";
            }
          }
          case "emailAddresses" -> emails(item, value);
          case "businessPhones" -> phones(item, value, key, "contacts:PhoneNumber/BusinessPhone", "contacts:PhoneNumber/BusinessPhone2");
          case "homePhones" -> phones(item, value, key, "contacts:PhoneNumber/HomePhone", "contacts:PhoneNumber/HomePhone2");
          case "singleValueExtendedProperties" -> ExtendedProperties.apply(value, item.extended);
          case "categories" -> {
            if (value instanceof JsonArray list && !list.isEmpty()) {
              throw GraphError.invalidProperty("categories are not modelled by this test bed; send none.");
            }
          }
          default -> throw unknownProperty(key, "contact");
        }
      }
    }
  }

  static GraphError unknownProperty(String key, String type) {
    return new GraphError(400, "RequestBodyRead", "The property '" + key + "' does not exist on type 'microsoft.graph." + type
        + "'. Make sure to only use property names that are defined by the type or mark the type as open type.");
  }

  static String text(Object value, String key) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new GraphError(400, "RequestBodyRead", "Cannot convert the literal '" + value + "' to the expected type 'Edm.String'.");
  }

  private static void setText(Item item, String field, String value) {
    if (value == null || value.isEmpty()) {
      item.fields.remove(field);
      return;
    }
    if (value.length() > ItemCodec.MAX_TEXT) {
      throw new GraphError(400, "ErrorPropertyValidationFailure", "Property validation failed: the value is longer than "
          + ItemCodec.MAX_TEXT + " characters.");
    }
    item.fields.put(field, value);
  }

  private static void address(Item item, String key, Object value, String name) {
    if (value != null && !(value instanceof JsonObject)) {
      throw GraphError.badRequest("'" + name + "' takes {street, city, state, countryOrRegion, postalCode}.");
    }
    JsonObject address = value == null ? new JsonObject() : (JsonObject) value;
    for (String part : address.fieldNames()) {
      if (!ADDRESS_PARTS.containsKey(part)) {
        throw unknownProperty(part, "physicalAddress");
      }
    }
    ADDRESS_PARTS.forEach((part, ews) -> setText(item, "contacts:PhysicalAddress:" + ews + "/" + key, text(address.getValue(part), part)));
  }

  private static void emails(Item item, Object value) {
    JsonArray list = value == null ? new JsonArray() : value instanceof JsonArray a ? a : null;
    if (list == null) {
      throw GraphError.badRequest("'emailAddresses' takes a list of {\"address\", \"name\"}.");
    }
    if (list.size() > EMAIL_KEYS.size()) {
      throw GraphError.invalidProperty("A contact holds at most 3 email addresses.");
    }
    for (int i = 0; i < EMAIL_KEYS.size(); i++) {
      String key = EMAIL_KEYS.get(i);
      item.fields.remove("contacts:EmailAddress/" + key);
      item.fields.remove(EMAIL_NAME + key);
      if (i < list.size()) {
        if (!(list.getValue(i) instanceof JsonObject e) || !(e.getValue("address") instanceof String address) || address.isBlank()) {
          throw GraphError.invalidProperty("Each of emailAddresses needs an 'address'.");
        }
        setText(item, "contacts:EmailAddress/" + key, address);
        String name = text(e.getValue("name"), "name");
        if (name != null && !name.isEmpty() && !name.equals(address)) {
          item.fields.put(EMAIL_NAME + key, address + "\n" + name);
        }
      }
    }
  }

  private static void phones(Item item, Object value, String name, String first, String second) {
    JsonArray list = value == null ? new JsonArray() : value instanceof JsonArray a ? a : null;
    if (list == null || list.size() > 2) {
      throw GraphError.invalidProperty("'" + name + "' takes a list of at most 2 numbers.");
    }
    setText(item, first, list.size() > 0 ? text(list.getValue(0), name) : null);
    setText(item, second, list.size() > 1 ? text(list.getValue(1), name) : null);
  }
}
