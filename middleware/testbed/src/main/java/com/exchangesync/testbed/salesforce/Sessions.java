package com.exchangesync.testbed.salesforce;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session ids: those handed out by {@code login} and the access tokens of the
 * OAuth token endpoint, which an org also takes as session ids. Each names its
 * user and expires after {@code sessionSecondsValid} without use, at
 * {@code logout}, or at once when a test injects {@code INVALID_SESSION_ID}.
 * Ids look like the org's ({@code <orgId15>!<random>}) and are never logged.
 */
final class Sessions {

  static final int SECONDS_VALID = 7200;

  private record Session(String userId, Instant lastUsed) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  Sessions(Clock clock) {
    this.clock = clock;
  }

  /** A new session for {@code userId} in org {@code orgId}. */
  String open(String orgId, String userId) {
    byte[] secret = new byte[64];
    random.nextBytes(secret);
    String id = SalesforceIds.shortForm(orgId) + "!" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    sessions.put(id, new Session(userId, clock.instant()));
    return id;
  }

  /** The user of a live session (now counted as used), or null. */
  String user(String sessionId) {
    if (sessionId == null) {
      return null;
    }
    Session s = sessions.get(sessionId.trim());
    Instant now = clock.instant();
    if (s == null || Duration.between(s.lastUsed(), now).getSeconds() > SECONDS_VALID) {
      if (s != null) {
        sessions.remove(sessionId.trim());
      }
      return null;
    }
    sessions.put(sessionId.trim(), new Session(s.userId(), now));
    return s.userId();
  }

  /** Ends one session ({@code logout}); an unknown id is ignored. */
  void end(String sessionId) {
    if (sessionId != null) {
      sessions.remove(sessionId.trim());
    }
  }

  /** Ends every session (as a revoked or timed-out session ends). */
  void expireAll() {
    sessions.clear();
  }
}
