package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sync token the Graph mailbox hands the engine: where the folder's delta
 * round stands (the {@code @odata.nextLink} or {@code @odata.deltaLink} to follow,
 * kept relative to {@code /v1.0} so a moved Graph URL does not strand it), and for
 * the calendar the round's window, the series masters' change keys as last seen,
 * and short hashes of the single events' ids the round has reported (to tell a
 * removed single from a removed occurrence, which Graph reports alike). Opaque to
 * the engine: base64url of a small JSON. A token of EWS, of another kind or
 * folder, or mangled, is refused as {@link MailboxError#INVALID_SYNC_STATE}, on
 * which the engine reads the folder afresh.
 *
 * @param link the next request of the round, or empty to start a new round
 * @param folder the contact folder's id (contacts), or empty
 * @param window the calendar round's window (events), or null
 * @param masters series master id to a hash of its change key (events)
 * @param singles hashes of the single events' ids the round reported (events)
 */
record DeltaToken(ItemKind kind, Optional<String> link, Optional<String> folder, DeltaWindow window, Map<String, String> masters,
                  Set<String> singles) {

  private static final int VERSION = 1;

  DeltaToken {
    masters = Map.copyOf(masters);
    singles = Set.copyOf(singles);
  }

  static DeltaToken contacts(String folderId, Optional<String> link) {
    return new DeltaToken(ItemKind.CONTACT, link, Optional.of(folderId), null, Map.of(), Set.of());
  }

  static DeltaToken events(DeltaWindow window, Optional<String> link, Map<String, String> masters, Set<String> singles) {
    return new DeltaToken(ItemKind.EVENT, link, Optional.empty(), window, masters, singles);
  }

  String encode() {
    JsonObject json = new JsonObject().put("graph", VERSION).put("kind", kind.name());
    link.ifPresent(l -> json.put("link", l));
    folder.ifPresent(f -> json.put("folder", f));
    if (window != null) {
      json.put("from", window.from().toString()).put("to", window.to().toString());
      JsonObject m = new JsonObject();
      masters.forEach(m::put);
      json.put("masters", m).put("singles", new JsonArray(singles.stream().sorted().toList()));
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  /** The token {@code text} stands for, if it is one of ours for {@code kind}. */
  static DeltaToken decode(String text, ItemKind kind, String smtp) throws MailboxException {
    JsonObject json;
    try {
      json = new JsonObject(new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      throw refused(kind, smtp, "it is not a Microsoft Graph sync position (one saved through EWS, or damaged)");
    }
    if (json.getInteger("graph", 0) != VERSION || !kind.name().equals(json.getString("kind"))) {
      throw refused(kind, smtp, "it is the position of another folder");
    }
    DeltaWindow window = null;
    Map<String, String> masters = new LinkedHashMap<>();
    Set<String> singles = new LinkedHashSet<>();
    try {
      if (json.getString("from") != null) {
        window = new DeltaWindow(Instant.parse(json.getString("from")), Instant.parse(json.getString("to")));
      }
      json.getJsonObject("masters", new JsonObject()).forEach(e -> masters.put(e.getKey(), String.valueOf(e.getValue())));
      json.getJsonArray("singles", new JsonArray()).forEach(s -> singles.add(String.valueOf(s)));
    } catch (RuntimeException e) {
      throw refused(kind, smtp, "it is damaged");
    }
    if (kind == ItemKind.EVENT && window == null) {
      throw refused(kind, smtp, "it names no calendar window");
    }
    return new DeltaToken(kind, Optional.ofNullable(json.getString("link")), Optional.ofNullable(json.getString("folder")), window,
        masters, singles);
  }

  /** A short, stable hash (48 bits, base64url): of a single's id, or of a master's change key. */
  static String hash(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 6));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MailboxException refused(ItemKind kind, String smtp, String why) {
    return new MailboxException(MailboxError.INVALID_SYNC_STATE, "The saved " + kind.name().toLowerCase(java.util.Locale.ROOT)
        + " sync position of " + smtp + " cannot be used with Microsoft Graph: " + why);
  }
}
