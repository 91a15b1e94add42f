package com.exchangesync.worker.errors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of an error, stored in {@code ExchangeSyncError__c.Error_Key__c}
 * (a unique external id): the same record failing for the same reason for the
 * same rep is one row, counted, not a new row per attempt.
 */
public final class ErrorKey {

  private ErrorKey() {}

  /** A 40-character hash of org, rep, object, code and the records concerned (not the message, which may vary). */
  public static String of(SyncError e) {
    String identity = String.join("\\u0000", nullSafe(e.orgId()), nullSafe(e.userId()), nullSafe(e.objectType()),
        nullSafe(e.code()), nullSafe(e.salesforceRecordId()), nullSafe(e.exchangeItemId()));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static String nullSafe(String s) {
    return s == null ? "" : s;
  }
}
