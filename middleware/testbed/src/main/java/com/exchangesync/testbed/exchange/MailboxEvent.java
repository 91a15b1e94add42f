package com.exchangesync.testbed.exchange;

import java.time.Instant;

/**
 * One change to an item of a mailbox, as EWS notifications report it: what happened, when, the item and the
 * folder it is in (with their change keys at that moment), and for a move or copy where it came from. The
 * store emits one per change, whichever protocol or admin call made it.
 *
 * @param oldItemId the item's id before a move, or the original of a copy (null otherwise)
 * @param oldFolderId the folder a moved or copied item came from (null otherwise)
 */
public record MailboxEvent(Type type, Instant at, String itemId, String itemChangeKey, String folderId,
                           String folderChangeKey, String oldItemId, String oldFolderId) {

  /** The EWS event types the test bed emits; the element name is {@code <Type>Event}. */
  public enum Type {
    CREATED("CreatedEvent"), MODIFIED("ModifiedEvent"), DELETED("DeletedEvent"), MOVED("MovedEvent"), COPIED("CopiedEvent");

    /** The element of {@code NotificationType} and the value of {@code EventType} in a subscription. */
    public final String element;

    Type(String element) {
      this.element = element;
    }
  }

  /** Told of every event, under the store's lock: it must only queue what it needs and return. */
  @FunctionalInterface
  public interface Listener {
    void event(Mailbox mailbox, MailboxEvent event);
  }
}
