package com.exchangesync.testbed.salesforce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What one user must give {@code login} as the password. Without a security
 * token the user logs in from one of the org's trusted IP ranges, so the
 * password alone does; with one the login comes from outside them, and the org
 * takes only the password with the token appended ({@code mypasswordXXXX}), so
 * a client that forgets the token is refused like any bad login.
 *
 * @param password the user's password
 * @param securityToken the token to append, or null when the login is from a trusted range
 */
record LoginCredential(String password, String securityToken) {

  /** Whether {@code given} is what this user must send (compared in constant time). */
  boolean accepts(String given) {
    String expected = securityToken == null ? password : password + securityToken;
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
