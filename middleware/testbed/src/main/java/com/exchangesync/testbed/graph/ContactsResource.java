package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.Folder;
import com.exchangesync.testbed.exchange.Item;
import com.exchangesync.testbed.exchange.Mailbox;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contacts: {@code /contacts} (the default Contacts folder) and
 * {@code /contactFolders/{id}/contacts} list (with the query options of
 * {@link ODataQuery}) and create; {@code …/contacts/{id}} reads, updates
 * (PATCH; {@code If-Match} with a stale etag is {@code 412}) and deletes.
 */
final class ContactsResource {

  private ContactsResource() {}

  /** The folder the path names: {@code contactFolders/{id}/contacts…}, else the default Contacts folder. */
  static Folder folder(GraphCall call) {
    return call.segment(0).equals("contactFolders") ? call.folder(call.segment(1), "IPF.Contact") : call.mailbox().contacts;
  }

  /** The contact id in the path ({@code …/contacts/{id}}). */
  private static Item contact(GraphCall call) {
    List<String> s = call.request().segments();
    Item item = call.item(s.get(s.size() - 1), Item.Kind.CONTACT);
    Folder folder = folder(call);
    if (call.segment(0).equals("contactFolders") && !item.folderId.equals(folder.id)) {
      throw GraphError.itemNotFound();
    }
    return item;
  }

  static GraphResponse list(GraphCall call) {
    Folder folder = folder(call);
    List<JsonObject> out = new ArrayList<>();
    for (Item i : call.mailbox().itemsIn(folder.id)) {
      if (i.kind == Item.Kind.CONTACT) {
        out.add(ContactJson.render(i));
      }
    }
    String context = call.segment(0).equals("contactFolders") ? "contactFolders('" + folder.id + "')/contacts" : "contacts";
    return GraphResponse.ok(ODataQuery.collection(call, out, context, "contact"));
  }

  static GraphResponse create(GraphCall call) {
    Folder folder = folder(call);
    JsonObject body = call.request().json();
    Item item = call.state().store.draft(Item.Kind.CONTACT, folder);
    ContactJson.apply(body, item);
    call.state().store.insert(call.mailbox(), item);
    return GraphResponse.created(entity(call, item));
  }

  static GraphResponse get(GraphCall call) {
    return GraphResponse.ok(entity(call, contact(call)));
  }

  static GraphResponse update(GraphCall call) {
    Item item = contact(call);
    JsonObject body = call.request().json();
    Preconditions.check(call.request(), item.changeKey);
    Map<String, String> fields = new HashMap<>(item.fields);
    var extended = new LinkedHashMap<>(item.extended);
    String bodyType = item.bodyType;
    try {
      ContactJson.apply(body, item);
    } catch (GraphError e) {
      item.fields.clear();
      item.fields.putAll(fields);
      item.extended.clear();
      item.extended.putAll(extended);
      item.bodyType = bodyType;
      throw e;
    }
    call.state().store.touched(call.mailbox(), item);
    return GraphResponse.ok(entity(call, item));
  }

  static GraphResponse delete(GraphCall call) {
    Item item = contact(call);
    Preconditions.check(call.request(), item.changeKey);
    Mailbox m = call.mailbox();
    call.state().store.delete(m, item);
    return GraphResponse.noContent();
  }

  private static JsonObject entity(GraphCall call, Item item) {
    JsonObject out = ODataQuery.shape(call, ContactJson.render(item), "contact");
    JsonObject withContext = new JsonObject().put("@odata.context", call.context("contacts/$entity"));
    out.forEach(e -> withContext.put(e.getKey(), e.getValue()));
    return withContext;
  }
}
