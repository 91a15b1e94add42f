package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.Folder;
import com.exchangesync.testbed.exchange.Mailbox;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code contactFolders}: {@code /contactFolders} lists and makes the folders
 * under the default Contacts folder (the ones the admin API's {@code ?folder=}
 * names), {@code /contactFolders/{id}/childFolders} those under any contact
 * folder; a folder reads, renames and deletes (with what it holds) by id. A
 * second folder of the same name under one parent is {@code 409 ErrorFolderExists}.
 */
final class ContactFoldersResource {

  private ContactFoldersResource() {}

  static GraphResponse list(GraphCall call) {
    return children(call, call.mailbox().contacts, "contactFolders");
  }

  static GraphResponse create(GraphCall call) {
    return make(call, call.mailbox().contacts, "contactFolders/$entity");
  }

  static GraphResponse childFolders(GraphCall call) {
    Folder parent = call.folder(call.segment(1), "IPF.Contact");
    return children(call, parent, "contactFolders('" + parent.id + "')/childFolders");
  }

  static GraphResponse createChild(GraphCall call) {
    Folder parent = call.folder(call.segment(1), "IPF.Contact");
    return make(call, parent, "contactFolders('" + parent.id + "')/childFolders/$entity");
  }

  static GraphResponse get(GraphCall call) {
    Folder f = call.folder(call.segment(1), "IPF.Contact");
    return GraphResponse.ok(json(f).put("@odata.context", call.context("contactFolders/$entity")));
  }

  static GraphResponse update(GraphCall call) {
    Folder f = call.folder(call.segment(1), "IPF.Contact");
    JsonObject body = call.request().json();
    for (String key : body.fieldNames()) {
      if (!key.equals("displayName") && !key.startsWith("@odata.") && !key.equals("id") && !key.equals("parentFolderId")) {
        throw ContactJson.unknownProperty(key, "contactFolder");
      }
    }
    if (body.containsKey("displayName")) {
      if (f.distinguishedName != null) {
        throw GraphError.accessDenied();
      }
      String name = name(body);
      checkUnique(call.mailbox(), f.parentId, name, f);
      f.displayName = name;
    }
    return GraphResponse.ok(json(f).put("@odata.context", call.context("contactFolders/$entity")));
  }

  static GraphResponse delete(GraphCall call) {
    Folder f = call.folder(call.segment(1), "IPF.Contact");
    if (f.distinguishedName != null) {
      throw new GraphError(403, "ErrorDeleteDistinguishedFolder", "Distinguished folders cannot be deleted.");
    }
    call.state().store.deleteFolder(call.mailbox(), f);
    return GraphResponse.noContent();
  }

  private static GraphResponse children(GraphCall call, Folder parent, String context) {
    List<JsonObject> out = new ArrayList<>();
    for (Folder f : call.mailbox().folders.values()) {
      if (parent.id.equals(f.parentId) && f.folderClass.equals("IPF.Contact")) {
        out.add(json(f));
      }
    }
    return GraphResponse.ok(ODataQuery.collection(call, out, context, "contactFolder"));
  }

  private static GraphResponse make(GraphCall call, Folder parent, String context) {
    JsonObject body = call.request().json();
    for (String key : body.fieldNames()) {
      if (!key.equals("displayName") && !key.startsWith("@odata.") && !key.equals("parentFolderId")) {
        throw ContactJson.unknownProperty(key, "contactFolder");
      }
    }
    String name = name(body);
    checkUnique(call.mailbox(), parent.id, name, null);
    Folder f = call.state().store.newFolder(call.mailbox(), parent.id, "IPF.Contact", name, null);
    return GraphResponse.created(json(f).put("@odata.context", call.context(context)));
  }

  private static String name(JsonObject body) {
    String name = ContactJson.text(body.getValue("displayName"), "displayName");
    if (name == null || name.isBlank()) {
      throw new GraphError(400, "ErrorInvalidRequest", "The request is invalid: a folder needs a displayName.");
    }
    return name.trim();
  }

  private static void checkUnique(Mailbox m, String parentId, String name, Folder self) {
    for (Folder f : m.folders.values()) {
      if (f != self && parentId.equals(f.parentId) && f.displayName.equalsIgnoreCase(name)) {
        throw new GraphError(409, "ErrorFolderExists", "A folder with the specified name already exists.");
      }
    }
  }

  static JsonObject json(Folder f) {
    return new JsonObject().put("id", f.id).put("displayName", f.displayName).put("parentFolderId", f.parentId);
  }
}
