package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.config.GraphCredentials;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * App-only access tokens for Microsoft Graph by the OAuth 2.0 client credentials
 * grant: {@code POST <login>/<tenant>/oauth2/v2.0/token} with
 * {@code scope=https://graph.microsoft.com/.default} and a client assertion
 * ({@link ClientAssertion}) or the client secret. A token is kept until
 * {@link #RENEW_BEFORE} before it ends, shared by every mailbox of the org; a
 * refusal names Entra ID's error and the admin's fix. Neither the assertion, the
 * secret nor a token ever reaches a message or a log line.
 *
 * <p>Hand-written rather than through msal4j: msal4j 1.26.1 refuses any authority
 * that is not {@code https} ({@code Authority.validateAuthority}: "authority
 * should use the 'https' scheme", whatever {@code validateAuthority(false)} and
 * {@code instanceDiscovery(false)} say), so it cannot reach the loopback test bed
 * or the demo, and the request is a single documented form post.
 */
final class GraphTokens {

  /** The scope of every app-only Graph token: the app's consented application permissions. */
  static final String SCOPE = "https://graph.microsoft.com/.default";

  /** A token is renewed this long before it ends, so no request carries one that expires on the way. */
  static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private final WebClient client;
  private final GraphSettings settings;
  private final GraphStats stats;
  private GraphToken current;

  GraphTokens(WebClient client, GraphSettings settings, GraphStats stats) {
    this.client = client;
    this.settings = settings;
    this.stats = stats;
  }

  /** A token with at least {@link #RENEW_BEFORE} to live, fetched when the kept one has less. */
  synchronized GraphToken current() throws MailboxException {
    if (current == null || !current.freshAt(settings.clock().instant(), RENEW_BEFORE)) {
      current = fetch();
    }
    return current;
  }

  /**
   * A new token in place of {@code refused}, which Graph no longer takes (revoked
   * early, or the app's permissions changed); when another task already replaced
   * it, that one.
   */
  synchronized GraphToken renew(GraphToken refused) throws MailboxException {
    if (current == null || current == refused) {
      current = fetch();
    }
    return current;
  }

  /** Who signs in, for messages (no secret). */
  String describe() {
    return "application " + settings.clientId() + " in tenant " + settings.tenantId() + " with "
        + settings.credentials().describe();
  }

  private GraphToken fetch() throws MailboxException {
    String endpoint = settings.tokenEndpoint().toString();
    for (int attempt = 1; ; attempt++) {
      Instant now = settings.clock().instant();
      Map<String, String> form = form(endpoint, now);
      stats.token();
      HttpResponse<Buffer> response = Await.result(client.requestAbs(HttpMethod.POST, endpoint)
          .putHeader("Content-Type", "application/x-www-form-urlencoded").putHeader("Accept", "application/json")
          .timeout(settings.timeout().toMillis()).sendBuffer(Buffer.buffer(encode(form))), settings.timeout(),
          "Signing in to Microsoft Entra ID at " + endpoint);
      JsonObject body = json(response.bodyAsString());
      if (response.statusCode() == 200 && body.getString("access_token") != null) {
        long seconds = body.getValue("expires_in") instanceof Number n ? n.longValue() : parse(body.getString("expires_in"));
        return GraphToken.of(body.getString("access_token"), now.plusSeconds(seconds));
      }
      boolean busy = response.statusCode() == 429 || response.statusCode() >= 500;
      if (busy && attempt < settings.retry().maxAttempts()) {
        sleep(settings.retry().backOffAfter(attempt));
        continue;
      }
      if (busy) {
        throw new MailboxException(MailboxError.UNAVAILABLE, "Microsoft Entra ID at " + endpoint + " answered HTTP "
            + response.statusCode() + " to every one of " + attempt + " sign-ins of " + describe());
      }
      throw refused(body, response.statusCode());
    }
  }

  /** The grant, with a new assertion (each has its own {@code jti}) or the secret. */
  private Map<String, String> form(String endpoint, Instant now) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", settings.clientId());
    form.put("scope", SCOPE);
    if (settings.credentials() instanceof GraphCredentials.Certificate c) {
      form.put("client_assertion_type", ClientAssertion.TYPE);
      form.put("client_assertion", ClientAssertion.sign(c, settings.clientId(), endpoint, now));
    } else {
      form.put("client_secret", ((GraphCredentials.ClientSecret) settings.credentials()).secret().reveal());
    }
    return form;
  }

  /** Entra ID's refusal as a named error: its code and description's first line, and what the admin can check. */
  private MailboxException refused(JsonObject body, int status) {
    String error = body.getString("error", "HTTP " + status);
    String description = body.getString("error_description", "");
    int end = description.indexOf("\r\n");
    String first = end < 0 ? description : description.substring(0, end);
    String hint = AadstsHints.hint(first);
    return new MailboxException(MailboxError.APP_SIGN_IN_REFUSED, "Microsoft Entra ID refused the sign-in of " + describe() + ": "
        + error + (first.isEmpty() ? "" : ": " + first) + (hint.isEmpty() ? "" : " " + hint));
  }

  private static JsonObject json(String text) {
    try {
      return text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject();
    }
  }

  private static long parse(String seconds) {
    try {
      return Long.parseLong(seconds);
    } catch (NumberFormatException | NullPointerException e) {
      return 3599; // Entra ID's app tokens live an hour
    }
  }

  private void sleep(Duration wait) throws MailboxException {
    try {
      settings.retry().sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailboxException(MailboxError.UNEXPECTED, "Signing in to Microsoft Entra ID was interrupted", e);
    }
  }

  private static String encode(Map<String, String> form) {
    StringJoiner out = new StringJoiner("&");
    form.forEach((k, v) -> out.add(GraphPaths.segment(k) + "=" + GraphPaths.segment(v)));
    return out.toString();
  }
}
