package com.exchangesync.testbed.salesforce;

import io.vertx.core.json.JsonObject;

/**
 * A refusal of the token endpoint, with the code and description a Salesforce
 * org answers (HTTP 400, {@code {"error", "error_description"}}).
 */
final class OAuthError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final String error;

  private OAuthError(String error, String description) {
    super(description);
    this.error = error;
  }

  /** No app has this consumer key (or none was sent). */
  static OAuthError unknownClient() {
    return new OAuthError("invalid_client_id", "client identifier invalid");
  }

  /** The consumer secret is wrong, or the app has none. */
  static OAuthError badSecret() {
    return new OAuthError("invalid_client", "invalid client credentials");
  }

  /** The assertion is not a JWT, not RS256, lacks a claim, or its signature does not verify against the app's certificate. */
  static OAuthError invalidAssertion() {
    return new OAuthError("invalid_grant", "invalid assertion");
  }

  /** The assertion's {@code aud} is not this org's login URL. */
  static OAuthError wrongAudience() {
    return new OAuthError("invalid_grant", "audience is invalid");
  }

  /** The assertion's {@code exp} has passed. */
  static OAuthError expired() {
    return new OAuthError("invalid_grant", "expired authorization code");
  }

  /** The user is unknown, inactive, or not pre-authorized for the app. */
  static OAuthError notApproved() {
    return new OAuthError("invalid_grant", "user hasn't approved this consumer");
  }

  /** The client credentials flow without a usable "Run As" user. */
  static OAuthError noRunAsUser() {
    return new OAuthError("invalid_grant", "no client credentials user enabled");
  }

  /** A {@code grant_type} the endpoint does not serve (or none). */
  static OAuthError unsupportedGrant() {
    return new OAuthError("unsupported_grant_type", "grant type not supported");
  }

  JsonObject json() {
    return new JsonObject().put("error", error).put("error_description", getMessage());
  }
}
