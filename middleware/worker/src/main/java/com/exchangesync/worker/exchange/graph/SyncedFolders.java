package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import io.vertx.core.json.JsonObject;

/**
 * Where each kind lives in one rep's mailbox through Graph, and how its items
 * are addressed and read: contacts in the {@code Salesforce_Sync} contact folder
 * (by its id), events in the main calendar ({@code /calendar}). Items are read
 * whole, with our mark ({@code $expand}) and bodies as text.
 */
record SyncedFolders(String smtp, String contactFolderId) {

  /** Where new items of {@code kind} are made and searched. */
  String collection(ItemKind kind) {
    return kind == ItemKind.CONTACT
        ? GraphPaths.user(smtp) + "/contactFolders/" + GraphPaths.segment(contactFolderId) + "/contacts"
        : GraphPaths.user(smtp) + "/calendar/events";
  }

  /** One item (a contact, or an event, occurrence or exception). */
  String item(ItemKind kind, String id) {
    return GraphPaths.user(smtp) + (kind == ItemKind.CONTACT ? "/contacts/" : "/calendar/events/") + GraphPaths.segment(id);
  }

  /** The application permission every request for {@code kind} needs. */
  static String permission(ItemKind kind) {
    return kind == ItemKind.CONTACT ? ApiRequest.CONTACTS : ApiRequest.CALENDARS;
  }

  /** A read of one item, whole. */
  ApiRequest read(ItemKind kind, String id) {
    return readShape(kind, ApiRequest.get(operation(kind, "get"), permission(kind),
        GraphPaths.query(item(kind, id)).with("$expand", SalesforceIdProperty.EXPAND).build()));
  }

  /** {@code request} asking for bodies as text (events; a contact's notes are text already). */
  static ApiRequest readShape(ItemKind kind, ApiRequest request) {
    return kind == ItemKind.EVENT ? request.withHeader("Prefer", GraphBodies.PREFER_TEXT) : request;
  }

  /** Whether an item read belongs to the synced folder: a contact moved to another folder left the sync. */
  boolean holds(ItemKind kind, JsonObject item) {
    return kind == ItemKind.EVENT || contactFolderId.equals(item.getString("parentFolderId"));
  }

  static ExchangeItem decode(ItemKind kind, JsonObject item) {
    return kind == ItemKind.CONTACT ? GraphContactCodec.read(item) : GraphEventCodec.read(item);
  }

  /** An operation's name for counts and messages: {@code contact.get}, {@code event.update}. */
  static String operation(ItemKind kind, String verb) {
    return (kind == ItemKind.CONTACT ? "contact." : "event.") + verb;
  }
}
