package com.exchangesync.worker.salesforce.oauth;

import com.exchangesync.worker.config.SalesforceCredentials;
import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.config.TransportPolicy;
import com.exchangesync.worker.salesforce.SalesforceException;
import com.exchangesync.worker.salesforce.SalesforceId;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks the org's token endpoint ({@code <EXSYNC_SF_LOGIN_URL>/services/oauth2/token})
 * for an access token by the configured flow, form-encoded as Salesforce
 * wants it. A refusal becomes a {@link SalesforceException} of kind
 * {@link SalesforceException.Kind#LOGIN} whose code is the OAuth {@code error}
 * and whose message carries Salesforce's description and the admin's fix
 * ({@link SignInAdvice}); an HTTP 503 or 429 is {@code THROTTLED} (worth
 * waiting out); no answer is {@code UNAVAILABLE}. Neither the assertion, the
 * secret nor the token ever reaches a message. Blocking: call it off the event
 * loop. It speaks plain {@link HttpURLConnection}, the stack force-wsc's
 * transport uses too, so signing in adds no HTTP client to start.
 */
public final class TokenEndpoint {

  private final URI loginUrl;
  private final SalesforceCredentials credentials;
  private final boolean allowInsecureLoopback;
  private final Duration connectTimeout;
  private final Duration timeout;
  private final Clock clock;

  /** A token endpoint client; nothing is sent until {@link #requestToken}. */
  public TokenEndpoint(URI loginUrl, SalesforceCredentials credentials, boolean allowInsecureLoopback, Duration connectTimeout,
      Duration timeout, Clock clock) {
    this.loginUrl = loginUrl;
    this.credentials = credentials;
    this.allowInsecureLoopback = allowInsecureLoopback;
    this.connectTimeout = connectTimeout;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Who signs in, by which flow, for log lines and messages (no secret). */
  public String describe() {
    String who = credentials instanceof SalesforceCredentials.JwtBearer j ? " as " + j.username() : " as the app's Run As user";
    return "the " + credentials.flow() + who + " (consumer key " + credentials.clientId() + ")";
  }

  /** The endpoint, {@code <login URL>/services/oauth2/token}. */
  public URI uri() {
    return URI.create(JwtAssertion.audience(loginUrl) + "/services/oauth2/token");
  }

  /** A new access token. */
  public AccessToken requestToken() throws SalesforceException {
    int status;
    String text;
    try {
      HttpURLConnection connection = (HttpURLConnection) uri().toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setInstanceFollowRedirects(false);
      connection.setConnectTimeout((int) connectTimeout.toMillis());
      connection.setReadTimeout((int) timeout.toMillis());
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
      connection.setRequestProperty("Accept", "application/json");
      connection.setRequestProperty("User-Agent", "exchange-sync-worker");
      try (OutputStream out = connection.getOutputStream()) {
        out.write(form().getBytes(StandardCharsets.UTF_8));
      }
      status = connection.getResponseCode();
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      connection.disconnect();
    } catch (IOException e) {
      throw new SalesforceException(SalesforceException.Kind.UNAVAILABLE, "IO", "Signing in to Salesforce at " + uri()
          + " failed: no answer (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    }
    Map<String, Object> body = json(text);
    if (status == 200 && body != null) {
      return granted(body);
    }
    if (body != null && body.get("error") instanceof String error) {
      String description = body.get("error_description") instanceof String d ? d : "";
      throw new SalesforceException(SalesforceException.Kind.LOGIN, error, "Salesforce refused the sign-in by " + describe()
          + " at " + uri() + ": " + error + (description.isEmpty() ? "" : " (" + description + ")") + ". Fix: "
          + SignInAdvice.fix(error, description, credentials) + ".", null);
    }
    if (status == 503 || status == 429) {
      throw new SalesforceException(SalesforceException.Kind.THROTTLED, "HTTP_" + status, "Salesforce's token endpoint " + uri()
          + " is unavailable (HTTP " + status + ")", null);
    }
    throw new SalesforceException(SalesforceException.Kind.UNAVAILABLE, "HTTP_" + status, "Salesforce's token endpoint " + uri()
        + " answered HTTP " + status + " without an OAuth answer: check that EXSYNC_SF_LOGIN_URL is the org's login URL", null);
  }

  private String form() {
    Map<String, String> form = new LinkedHashMap<>();
    if (credentials instanceof SalesforceCredentials.JwtBearer jwt) {
      form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
      form.put("assertion", JwtAssertion.sign(jwt, JwtAssertion.audience(loginUrl), clock.instant()));
    } else if (credentials instanceof SalesforceCredentials.ClientCredentials cc) {
      form.put("grant_type", "client_credentials");
      form.put("client_id", cc.clientId());
      form.put("client_secret", cc.clientSecret().reveal());
    }
    return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  private AccessToken granted(Map<String, Object> body) throws SalesforceException {
    String token = body.get("access_token") instanceof String t && !t.isBlank() ? t : null;
    String instance = body.get("instance_url") instanceof String i ? i : null;
    String id = body.get("id") instanceof String s ? s : null;
    if (token == null || instance == null || id == null) {
      throw protocol("lacks access_token, instance_url or id");
    }
    URI instanceUrl;
    try {
      instanceUrl = new URI(instance);
    } catch (java.net.URISyntaxException e) {
      throw protocol("has an instance_url that is not a URL");
    }
    String problem = TransportPolicy.problemWith(instanceUrl, allowInsecureLoopback);
    if (problem != null) {
      throw new SalesforceException(SalesforceException.Kind.LOGIN, "INSECURE_INSTANCE_URL", "Salesforce's token answer names"
          + " the instance " + instanceUrl.getScheme() + "://" + instanceUrl.getHost() + ", which " + problem, null);
    }
    // id is <login host>/id/<orgId>/<userId>
    String[] parts = id.split("/");
    String org = parts.length >= 2 ? SalesforceId.canonical(parts[parts.length - 2]).orElse(null) : null;
    String user = parts.length >= 2 ? SalesforceId.canonical(parts[parts.length - 1]).orElse(null) : null;
    if (org == null || user == null || !org.startsWith("00D") || !user.startsWith("005")) {
      throw protocol("has an id that does not end in /<org id>/<user id>");
    }
    String base = instanceUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return new AccessToken(Secret.of(token), URI.create(base), org, user);
  }

  private SalesforceException protocol(String what) {
    return new SalesforceException(SalesforceException.Kind.UNAVAILABLE, "PROTOCOL", "Salesforce's token answer from " + uri()
        + " " + what, null);
  }

  /**
   * The answer as a JSON object, or null when it is none. Parsed with nimbus-jose-jwt's JSON reader, already loaded
   * for the assertion, so a worker's first sign-in does not wait for another JSON library to start.
   */
  private static Map<String, Object> json(String text) {
    try {
      return text == null || text.isBlank() ? null : JSONObjectUtils.parse(text);
    } catch (java.text.ParseException | RuntimeException e) {
      return null;
    }
  }
}
