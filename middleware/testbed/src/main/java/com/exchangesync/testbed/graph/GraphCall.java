package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.Folder;
import com.exchangesync.testbed.exchange.Item;
import com.exchangesync.testbed.exchange.Mailbox;
import java.time.Instant;

/**
 * One routed Graph API call being served, under the mailbox store's lock: the
 * tenant state, the request, the mailbox it acts on, and the base URL links
 * are written with.
 */
record GraphCall(GraphState state, GraphRequest request, Mailbox mailbox, String baseUrl) {

  Instant now() {
    return state.now();
  }

  /** The {@code @odata.context} of an answer about {@code what} in this mailbox ({@code <base>/v1.0/$metadata#users('<smtp>')/<what>}). */
  String context(String what) {
    return baseUrl + "/v1.0/$metadata#users('" + mailbox.smtp + "')/" + what;
  }

  /** The segment at {@code index} of the path after {@code /users/{id}}. */
  String segment(int index) {
    return request.segments().get(index + 2);
  }

  /**
   * A stored item of this mailbox by id.
   *
   * @throws GraphError {@code ErrorInvalidIdMalformed} for an id that cannot be one, {@code ErrorItemNotFound} when none has it
   */
  Item item(String id, Item.Kind kind) {
    checkId(id);
    Item item = mailbox.items.get(id);
    if (item == null || item.kind != kind) {
      throw GraphError.itemNotFound();
    }
    return item;
  }

  /** A folder of this mailbox by id, of the given class ({@code IPF.Contact}). */
  Folder folder(String id, String folderClass) {
    checkId(id);
    Folder f = mailbox.folders.get(id);
    if (f == null || !f.folderClass.equals(folderClass)) {
      throw GraphError.itemNotFound();
    }
    return f;
  }

  static void checkId(String id) {
    if (id == null || !id.matches("[A-Za-z0-9_\\-=+/]{8,}")) {
      throw new GraphError(400, "ErrorInvalidIdMalformed", "Id is malformed.");
    }
  }
}
