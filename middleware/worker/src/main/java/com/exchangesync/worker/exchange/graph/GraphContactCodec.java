package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Graph's {@code contact} JSON to and from the mailbox interface's contact
 * fields: the three email addresses are {@code emailAddresses} in order, the
 * business and home phones the first of {@code businessPhones} and
 * {@code homePhones}, the address parts {@code businessAddress}'s, the notes
 * {@code personalNotes}. Graph replaces a list or an address whole, so a write
 * starts from the contact as read: what the sync does not map (a second
 * business phone, an address's other parts, an email's display name) stays.
 * A {@code null} value clears a field.
 */
final class GraphContactCodec {

  private static final Map<ExchangeField, String> TEXT = Map.of(ExchangeField.GIVEN_NAME, "givenName",
      ExchangeField.SURNAME, "surname", ExchangeField.COMPANY_NAME, "companyName", ExchangeField.JOB_TITLE, "jobTitle",
      ExchangeField.MOBILE_PHONE, "mobilePhone", ExchangeField.NOTES, "personalNotes");
  private static final Map<ExchangeField, String> ADDRESS = Map.of(ExchangeField.STREET, "street", ExchangeField.CITY, "city",
      ExchangeField.STATE, "state", ExchangeField.POSTAL_CODE, "postalCode", ExchangeField.COUNTRY, "countryOrRegion");
  private static final List<ExchangeField> EMAILS = List.of(ExchangeField.EMAIL, ExchangeField.EMAIL2, ExchangeField.EMAIL3);

  private GraphContactCodec() {}

  /** A contact as the mailbox gives it. */
  static ExchangeItem read(JsonObject c) {
    return new ExchangeItem(c.getString("id"), GraphEventCodec.changeKey(c), ItemKind.CONTACT, values(c), SalesforceIdProperty.read(c));
  }

  private static Map<ExchangeField, String> values(JsonObject c) {
    Map<ExchangeField, String> v = new EnumMap<>(ExchangeField.class);
    TEXT.forEach((field, name) -> v.put(field, c.getString(name)));
    JsonArray emails = c.getJsonArray("emailAddresses", new JsonArray());
    for (int i = 0; i < EMAILS.size() && i < emails.size(); i++) {
      if (emails.getValue(i) instanceof JsonObject e) {
        v.put(EMAILS.get(i), e.getString("address"));
      }
    }
    v.put(ExchangeField.BUSINESS_PHONE, first(c.getJsonArray("businessPhones")));
    v.put(ExchangeField.HOME_PHONE, first(c.getJsonArray("homePhones")));
    JsonObject address = c.getJsonObject("businessAddress", new JsonObject());
    ADDRESS.forEach((field, name) -> v.put(field, address.getString(name)));
    v.values().removeIf(Objects::isNull);
    v.values().removeIf(String::isEmpty);
    return v;
  }

  /** The body of a new contact. */
  static JsonObject create(Map<ExchangeField, String> values) {
    return write(new JsonObject(), values);
  }

  /** The PATCH that sets {@code changes} on a contact read as {@code current} (null clears). */
  static JsonObject update(JsonObject current, Map<ExchangeField, String> changes) {
    return write(current, changes);
  }

  private static JsonObject write(JsonObject current, Map<ExchangeField, String> changes) {
    JsonObject body = new JsonObject();
    Map<ExchangeField, String> now = new HashMap<>(values(current));
    changes.forEach((f, value) -> now.put(f, blank(value)));
    changes.keySet().stream().filter(TEXT::containsKey).forEach(f -> body.put(TEXT.get(f), now.get(f)));
    if (EMAILS.stream().anyMatch(changes::containsKey)) {
      body.put("emailAddresses", emails(current.getJsonArray("emailAddresses", new JsonArray()), now));
    }
    if (changes.containsKey(ExchangeField.BUSINESS_PHONE)) {
      body.put("businessPhones", firstReplaced(current.getJsonArray("businessPhones"), now.get(ExchangeField.BUSINESS_PHONE)));
    }
    if (changes.containsKey(ExchangeField.HOME_PHONE)) {
      body.put("homePhones", firstReplaced(current.getJsonArray("homePhones"), now.get(ExchangeField.HOME_PHONE)));
    }
    if (ADDRESS.keySet().stream().anyMatch(changes::containsKey)) {
      JsonObject address = current.getJsonObject("businessAddress", new JsonObject()).copy();
      ADDRESS.forEach((field, name) -> {
        if (changes.containsKey(field)) {
          if (now.get(field) == null) {
            address.remove(name);
          } else {
            address.put(name, now.get(field));
          }
        }
      });
      body.put("businessAddress", address);
    }
    return body;
  }

  /** The addresses in order, an unchanged one keeping its display name, a new one shown as itself. */
  private static JsonArray emails(JsonArray current, Map<ExchangeField, String> now) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < EMAILS.size(); i++) {
      String address = now.get(EMAILS.get(i));
      if (address == null) {
        continue;
      }
      JsonObject was = i < current.size() && current.getValue(i) instanceof JsonObject o ? o : null;
      out.add(was != null && address.equalsIgnoreCase(was.getString("address")) ? was.copy()
          : new JsonObject().put("address", address).put("name", address));
    }
    return out;
  }

  private static JsonArray firstReplaced(JsonArray current, String value) {
    JsonArray out = new JsonArray();
    if (value != null) {
      out.add(value);
    }
    if (current != null) {
      for (int i = 1; i < current.size(); i++) {
        out.add(current.getValue(i));
      }
    }
    return out;
  }

  private static String first(JsonArray list) {
    return list == null || list.isEmpty() || list.getValue(0) == null ? null : String.valueOf(list.getValue(0));
  }

  private static String blank(String v) {
    return v == null || v.isEmpty() ? null : v;
  }
}
