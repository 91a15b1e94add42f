package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A refusal of the token endpoint as Entra ID words it: the OAuth
 * {@code error}, the {@code AADSTS} code and its description; written as
 * {@code {"error", "error_description": "AADSTS<n>: …\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …",
 * "error_codes": [n], "timestamp", "trace_id", "correlation_id", "error_uri"}}.
 */
final class EntraError extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final String CERTIFICATE_DOCS = "Review the documentation at"
      + " https://learn.microsoft.com/entra/identity-platform/certificate-credentials .";

  final int status;
  final String error;
  final int code;

  EntraError(int status, String error, int code, String description) {
    super(description);
    this.status = status;
    this.error = error;
    this.code = code;
  }

  JsonObject json(Instant now, String baseUrl) {
    String trace = UUID.randomUUID().toString();
    String correlation = UUID.randomUUID().toString();
    String timestamp = TIMESTAMP.format(now.truncatedTo(ChronoUnit.SECONDS));
    return new JsonObject().put("error", error)
        .put("error_description", "AADSTS" + code + ": " + getMessage() + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: "
            + correlation + "\r\nTimestamp: " + timestamp)
        .put("error_codes", new JsonArray().add(code)).put("timestamp", timestamp).put("trace_id", trace)
        .put("correlation_id", correlation).put("error_uri", baseUrl + "/error?code=" + code);
  }

  // --- the refusals, by AADSTS code ----------------------------------------------------------------

  static EntraError missingParameter(String name) {
    return new EntraError(400, "invalid_request", 900144, "The request body must contain the following parameter: '" + name + "'.");
  }

  static EntraError tenantNotFound(String tenant) {
    return new EntraError(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you have the"
        + " correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may"
        + " happen if there are no active subscriptions for the tenant.");
  }

  static EntraError unsupportedGrant(String grant) {
    return new EntraError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '" + grant + "'.");
  }

  static EntraError invalidScope(String scope) {
    return new EntraError(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not valid. Client"
        + " credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
  }

  static EntraError unknownResource(String resource, String tenant) {
    return new EntraError(400, "invalid_resource", 500011, "The resource principal named " + resource + " was not found in the"
        + " tenant named " + tenant + ". This can happen if the application has not been installed by the administrator of the"
        + " tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.");
  }

  static EntraError unknownClient(String clientId, String tenant) {
    return new EntraError(400, "unauthorized_client", 700016, "Application with identifier '" + clientId + "' was not found in"
        + " the directory '" + tenant + "'. This can happen if the application has not been installed by the administrator of"
        + " the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong"
        + " tenant.");
  }

  static EntraError noCredential() {
    return new EntraError(401, "invalid_client", 7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }

  static EntraError badSecret(String clientId) {
    return new EntraError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the"
        + " request is the client secret value, not the client secret ID, for a secret added to app '" + clientId + "'.");
  }

  static EntraError badAssertionType() {
    return new EntraError(400, "invalid_request", 70011,
        "The provided value for the input parameter 'client_assertion_type' is not valid.");
  }

  static EntraError malformedAssertion(String why) {
    return new EntraError(400, "invalid_request", 50027, "JWT token is invalid or malformed. " + why);
  }

  static EntraError noThumbprint() {
    return new EntraError(401, "invalid_client", 50027, "Invalid JWT token. No certificate thumbprint specified in token header.");
  }

  static EntraError clientMismatch() {
    return new EntraError(401, "invalid_client", 700021,
        "Client assertion application identifier doesn't match 'client_id' parameter. " + CERTIFICATE_DOCS);
  }

  static EntraError wrongAudience() {
    return new EntraError(401, "invalid_client", 50012, "Client assertion audience claim does not match Realm issuer.");
  }

  static EntraError keyNotFound(String thumbprint, String clientId) {
    return new EntraError(401, "invalid_client", 700027, "Client assertion contains an invalid signature. [Reason - The key was"
        + " not found., Thumbprint of key used by client: '" + thumbprint + "'" + portalHint(clientId) + "]");
  }

  static EntraError badSignature(String thumbprint, AppCertificate key, String clientId) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("MM/dd/uuuu HH:mm:ss").withZone(ZoneOffset.UTC);
    return new EntraError(401, "invalid_client", 700027, "Client assertion contains an invalid signature. [Reason - The provided"
        + " signature value did not match the expected signature value., Thumbprint of key used by client: '" + thumbprint
        + "', Found key 'Start=" + f.format(key.certificate().getNotBefore().toInstant()) + ", End="
        + f.format(key.certificate().getNotAfter().toInstant()) + "'" + portalHint(clientId) + "]");
  }

  static EntraError outsideValidity(Instant now, Instant notBefore, Instant expiry) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    return new EntraError(401, "invalid_client", 700024, "Client assertion is not within its valid time range. Current time: "
        + f.format(now) + ", assertion valid from " + f.format(notBefore) + ", expiry time of assertion " + f.format(expiry)
        + ". " + CERTIFICATE_DOCS);
  }

  private static String portalHint(String clientId) {
    return ", Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '"
        + clientId + "'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the"
        + " corresponding service endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http"
        + " to build a query request URL, such as 'https://graph.microsoft.com/beta/applications/" + clientId + "'";
  }
}
