package com.exchangesync.testbed.exchange;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One streaming subscription: whose it is (the account that made it), the mailbox and folders it watches
 * ({@code folderIds} null: every folder, {@code SubscribeToAllFolders}), the event types it wants, the Mailbox
 * server that holds it, the events waiting to be streamed and the connection streaming them, if any. Touched
 * only under the lock of {@link StreamingSubscriptions}.
 *
 * <p>Its id has the shape of Exchange's: base64 of the server's name (length-prefixed), a GUID and the time it
 * was made, so the server a subscription lives on can be read from the id, as the Client Access server does.
 */
final class StreamingSubscription {

  /** Events kept for a subscription nobody is streaming; beyond this the oldest are dropped. */
  static final int MAX_QUEUED = 10_000;

  final String id;
  final String server;
  final String owner;
  final Mailbox mailbox;
  final Set<String> folderIds;
  final Set<MailboxEvent.Type> types;
  final Deque<MailboxEvent> queue = new ArrayDeque<>();
  StreamingConnection connection;
  /** When it was last attached to a connection, or made ({@link System#nanoTime()}): it expires after a time alone. */
  long idleSinceNanos;

  StreamingSubscription(String server, String owner, Mailbox mailbox, Set<String> folderIds, Set<MailboxEvent.Type> types,
                        long nowNanos) {
    this.id = newId(server);
    this.server = server;
    this.owner = owner;
    this.mailbox = mailbox;
    this.folderIds = folderIds;
    this.types = types;
    this.idleSinceNanos = nowNanos;
  }

  /** Whether this subscription reports {@code event}: a type it asked for, in (or, moved or copied, from) a folder it watches. */
  boolean wants(Mailbox m, MailboxEvent event) {
    if (m != mailbox || !types.contains(event.type())) {
      return false;
    }
    return folderIds == null || folderIds.contains(event.folderId())
        || event.oldFolderId() != null && folderIds.contains(event.oldFolderId());
  }

  /** Takes up to {@code max} queued events, oldest first. */
  List<MailboxEvent> take(int max) {
    List<MailboxEvent> out = new ArrayList<>();
    while (out.size() < max && !queue.isEmpty()) {
      out.add(queue.poll());
    }
    return out;
  }

  void offer(MailboxEvent event) {
    if (queue.size() >= MAX_QUEUED) {
      queue.poll();
    }
    queue.add(event);
  }

  private static String newId(String server) {
    byte[] name = server.getBytes(StandardCharsets.US_ASCII);
    UUID guid = UUID.randomUUID();
    ByteBuffer b = ByteBuffer.allocate(2 + name.length + 4 + 16 + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) name.length).put(name).putInt(16);
    b.order(ByteOrder.BIG_ENDIAN).putLong(guid.getMostSignificantBits()).putLong(guid.getLeastSignificantBits());
    b.order(ByteOrder.LITTLE_ENDIAN).putLong(System.currentTimeMillis());
    return Base64.getEncoder().encodeToString(b.array());
  }

  /** The Mailbox server a subscription id names, or empty for an id that is not one (malformed). */
  static Optional<String> serverOf(String id) {
    try {
      ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(id.trim())).order(ByteOrder.LITTLE_ENDIAN);
      int length = b.getShort();
      if (length <= 0 || length > b.remaining() - 4) {
        return Optional.empty();
      }
      byte[] name = new byte[length];
      b.get(name);
      if (b.getInt() != 16 || b.remaining() != 16 + 8) {
        return Optional.empty();
      }
      return Optional.of(new String(name, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
      return Optional.empty();
    }
  }
}
