package com.exchangesync.testbed.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Item ids of occurrences and exceptions. Exchange gives each occurrence an id
 * of its own that encodes its master and its original start (so a client can
 * GetItem, UpdateItem or DeleteItem it like any item); these ids do the same,
 * and stay the same for the same occurrence.
 */
public final class OccurrenceIds {

  private static final String PREFIX = "AAMkOcc";

  private OccurrenceIds() {}

  /** The id of the occurrence of {@code masterId} originally starting at {@code originalStart}. */
  public static String of(String masterId, Instant originalStart) {
    byte[] raw = (masterId + "|" + originalStart.getEpochSecond()).getBytes(StandardCharsets.UTF_8);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** The master id and original start an occurrence id names; empty for any other id. */
  public static Optional<Reference> parse(String id) {
    if (id == null || !id.startsWith(PREFIX)) {
      return Optional.empty();
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(id.substring(PREFIX.length())), StandardCharsets.UTF_8);
      int bar = raw.lastIndexOf('|');
      return Optional.of(new Reference(raw.substring(0, bar), Instant.ofEpochSecond(Long.parseLong(raw.substring(bar + 1)))));
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** What an occurrence id names. */
  public record Reference(String masterId, Instant originalStart) {}
}
