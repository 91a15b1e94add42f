package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.AppGrants;
import com.exchangesync.worker.exchange.Batches;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Graph API requests for the mailboxes of one org, alone or as
 * {@code $batch}es of at most {@value #BATCH} (Graph's limit), and waits out
 * throttling: a {@code 429} or {@code 503} waits the {@code Retry-After} Graph
 * names (else a doubling back-off), logged and counted, at most
 * {@code maxAttempts} times; inside a batch only the throttled requests are sent
 * again. A throttled request was not carried out, so sending it again cannot
 * double it; a create answered {@code 503} may have been, so creates go through
 * {@link #batchCreates}, which hands such answers back instead. Every request first takes a slot of its mailbox ({@link MailboxSlots}:
 * four in flight at most). A token Graph stops taking is renewed once.
 *
 * <p>What concerns the whole mailbox becomes a named {@link MailboxException}:
 * the app's sign-in or token refused, a permission without consent, a mailbox
 * outside the app's scope ({@code 403}), no such user or no Exchange Online
 * mailbox ({@code 404}), Graph failing ({@code 5xx}), no answer. Everything else
 * (an item not found, a value refused, a stale change key) is returned for the
 * caller to fail that item alone.
 */
final class GraphHttp {

  static final int BATCH = 20;

  private static final Logger LOG = LoggerFactory.getLogger(GraphHttp.class);

  private final WebClient client;
  private final GraphSettings settings;
  private final GraphTokens tokens;
  private final MailboxSlots slots;
  private final GraphStats stats;

  GraphHttp(WebClient client, GraphSettings settings, GraphTokens tokens, MailboxSlots slots, GraphStats stats) {
    this.client = client;
    this.settings = settings;
    this.tokens = tokens;
    this.slots = slots;
    this.stats = stats;
  }

  GraphTokens tokens() {
    return tokens;
  }

  /** One request to {@code smtp}'s mailbox; the reply unless it concerns the whole mailbox (then thrown). */
  ApiReply send(String smtp, ApiRequest request) throws MailboxException {
    GraphToken token = tokens.current();
    boolean renewed = false;
    for (int attempt = 1; ; attempt++) {
      ApiReply reply = exchange(smtp, request, token, 1);
      if (reply.throttled()) {
        waitOut(smtp, request.operation(), attempt, reply);
        continue;
      }
      if (reply.status() == 401 && !renewed) {
        token = tokens.renew(token);
        renewed = true;
        continue;
      }
      failIfMailboxWide(smtp, request, reply, token);
      return reply;
    }
  }

  /**
   * Many requests to one mailbox through {@code $batch}, {@value #BATCH} at a
   * time; the replies in the order of {@code requests}.
   */
  List<ApiReply> batch(String smtp, List<ApiRequest> requests) throws MailboxException {
    return batch(smtp, requests, false);
  }

  /**
   * Creates through {@code $batch}, never sent again blindly: a {@code 429} (the
   * request was refused) is waited out and sent again as in {@link #batch}, but a
   * reply whose {@link ApiReply#answerLost answer was lost} (a {@code 502}, {@code 503}
   * or {@code 504}, inside the batch or for the whole envelope, or no answer at all)
   * is returned as it is, for the caller to look for the item before sending it again.
   */
  List<ApiReply> batchCreates(String smtp, List<ApiRequest> requests) throws MailboxException {
    return batch(smtp, requests, true);
  }

  /** The pause before looking for creates whose answers were lost after attempt {@code attempt}. */
  void pauseAfterLostAnswer(String smtp, int attempt) throws MailboxException {
    Duration wait = settings.retry().backOffAfter(attempt);
    LOG.warn("Microsoft Graph's answer to creates for {} was lost: waiting {} ms, then looking for the items before sending"
        + " any again", smtp, wait.toMillis());
    try {
      settings.retry().sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailboxException(MailboxError.UNEXPECTED, "creates for " + smtp + " were interrupted while waiting", e);
    }
  }

  /** The most attempts of one request. */
  int maxAttempts() {
    return settings.retry().maxAttempts();
  }

  private List<ApiReply> batch(String smtp, List<ApiRequest> requests, boolean creates) throws MailboxException {
    ApiReply[] out = new ApiReply[requests.size()];
    int[] attempts = new int[requests.size()];
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      pending.add(i);
    }
    boolean renewed = false;
    while (!pending.isEmpty()) {
      List<Integer> again = new ArrayList<>();
      Duration wait = Duration.ZERO;
      ApiReply throttledOne = null;
      for (List<Integer> chunk : Batches.of(pending, BATCH)) {
        Map<Integer, ApiReply> replies = sendBatch(smtp, requests, chunk, creates);
        for (int i : chunk) {
          ApiReply reply = replies.get(i);
          if (creates && reply.answerLost()) {
            out[i] = reply; // perhaps made: the caller looks before sending it again
          } else if (reply.throttled()) {
            attempts[i]++;
            if (attempts[i] >= settings.retry().maxAttempts()) {
              stats.gaveUp();
              throw new MailboxException(MailboxError.THROTTLED, requests.get(i).operation() + " for " + smtp
                  + ": Microsoft Graph was still throttling after " + attempts[i] + " attempts (" + reply.describe() + ")");
            }
            Duration w = reply.retryAfter().map(settings.retry()::capped).orElseGet(() -> settings.retry().backOffAfter(attempts[i]));
            wait = w.compareTo(wait) > 0 ? w : wait;
            throttledOne = reply;
            again.add(i);
          } else if (reply.status() == 401 && !renewed) {
            tokens.renew(tokens.current());
            renewed = true;
            again.add(i);
          } else {
            failIfMailboxWide(smtp, requests.get(i), reply, tokens.current());
            out[i] = reply;
          }
        }
      }
      if (throttledOne != null) {
        sleepFor(smtp, "batch", wait, throttledOne);
      }
      pending = again;
    }
    return List.of(out);
  }

  /** One {@code $batch} envelope; the replies by index into {@code requests}. */
  private Map<Integer, ApiReply> sendBatch(String smtp, List<ApiRequest> requests, List<Integer> chunk, boolean creates)
      throws MailboxException {
    JsonArray list = new JsonArray();
    for (int i : chunk) {
      ApiRequest r = requests.get(i);
      JsonObject headers = new JsonObject();
      r.headers().forEach(headers::put);
      JsonObject entry = new JsonObject().put("id", Integer.toString(i)).put("method", r.method()).put("url", r.path());
      if (r.body() != null) {
        headers.put("Content-Type", "application/json");
        entry.put("body", r.body());
      }
      list.add(entry.put("headers", headers));
    }
    ApiRequest envelope = ApiRequest.post("batch", "", "/$batch", new JsonObject().put("requests", list));
    GraphToken token = tokens.current();
    ApiReply reply;
    for (int attempt = 1; ; attempt++) {
      // The envelope holds all four of the mailbox's slots: Graph may run its requests side by side.
      try {
        reply = exchange(smtp, envelope, token, MailboxSlots.PER_MAILBOX);
      } catch (MailboxException e) {
        if (creates && e.error() == MailboxError.UNREACHABLE) {
          return lostAnswers(chunk, e.getMessage());
        }
        throw e;
      }
      if (creates && reply.answerLost()) {
        return lostAnswers(chunk, reply.describe());
      }
      if (reply.throttled()) {
        waitOut(smtp, "batch", attempt, reply);
        continue;
      }
      if (reply.status() == 401 && attempt == 1) {
        token = tokens.renew(token);
        continue;
      }
      break;
    }
    if (!reply.ok()) {
      failIfMailboxWide(smtp, envelope, reply, token);
      throw new MailboxException(MailboxError.UNEXPECTED, "Microsoft Graph refused a batch of " + chunk.size() + " requests for "
          + smtp + ": " + reply.describe());
    }
    Map<Integer, ApiReply> out = new HashMap<>();
    for (Object o : reply.body().getJsonArray("responses", new JsonArray())) {
      if (o instanceof JsonObject r && r.getString("id") != null) {
        Map<String, String> headers = new HashMap<>();
        if (r.getValue("headers") instanceof JsonObject h) {
          h.forEach(e -> headers.put(e.getKey(), String.valueOf(e.getValue())));
        }
        int index = Integer.parseInt(r.getString("id"));
        stats.request(requests.get(index).operation());
        out.put(index, new ApiReply(r.getInteger("status", 500), headers, r.getValue("body") instanceof JsonObject b ? b : null));
      }
    }
    for (int i : chunk) {
      if (!out.containsKey(i)) {
        throw new MailboxException(MailboxError.UNEXPECTED, "Microsoft Graph's batch answer for " + smtp + " left out request "
            + i + " (" + requests.get(i).operation() + ")");
      }
    }
    return out;
  }

  /** The answer of every request of a batch whose own answer was lost: each may have been carried out. */
  private static Map<Integer, ApiReply> lostAnswers(List<Integer> chunk, String why) {
    Map<Integer, ApiReply> out = new HashMap<>();
    for (int i : chunk) {
      out.put(i, ApiReply.noAnswer("the batch's answer was lost: " + why));
    }
    return out;
  }

  /** The path under {@code /v1.0} of a link Graph gave ({@code @odata.nextLink}, {@code @odata.deltaLink}). */
  String relative(String link) throws MailboxException {
    URI base = settings.graphUrl();
    URI uri;
    try {
      uri = URI.create(link);
    } catch (IllegalArgumentException e) {
      throw new MailboxException(MailboxError.UNEXPECTED, "Microsoft Graph gave a link that is not a URL: " + abbreviated(link));
    }
    String prefix = (base.getRawPath() == null ? "" : base.getRawPath()) + "/v1.0/";
    boolean sameOrigin = base.getScheme().equalsIgnoreCase(uri.getScheme()) && base.getHost() != null
        && base.getHost().equalsIgnoreCase(uri.getHost()) && port(base) == port(uri);
    if (!sameOrigin || uri.getRawPath() == null || !uri.getRawPath().startsWith(prefix)) {
      // Our token goes only to the configured Graph.
      throw new MailboxException(MailboxError.UNEXPECTED, "Microsoft Graph gave a link outside " + base + ": " + abbreviated(link));
    }
    String rest = uri.getRawPath().substring(prefix.length() - 1);
    return uri.getRawQuery() == null ? rest : rest + "?" + uri.getRawQuery();
  }

  private ApiReply exchange(String smtp, ApiRequest r, GraphToken token, int slotsNeeded) throws MailboxException {
    String url = settings.graphUrl() + "/v1.0" + r.path();
    HttpRequest<Buffer> http = client.requestAbs(HttpMethod.valueOf(r.method()), url)
        .putHeader("Authorization", "Bearer " + token.value().reveal())
        .putHeader("Accept", "application/json")
        .timeout(settings.timeout().toMillis());
    r.headers().forEach(http::putHeader);
    Future<HttpResponse<Buffer>> sent;
    slots.acquire(smtp, slotsNeeded);
    try {
      stats.request(r.operation());
      if (r.body() != null) {
        sent = http.putHeader("Content-Type", "application/json").sendBuffer(r.body().toBuffer());
      } else {
        sent = http.send();
      }
      HttpResponse<Buffer> response = Await.result(sent, settings.timeout(), r.operation() + " for " + smtp + " at "
          + settings.graphUrl());
      Map<String, String> headers = new HashMap<>();
      response.headers().forEach(e -> headers.putIfAbsent(e.getKey(), e.getValue()));
      return new ApiReply(response.statusCode(), headers, json(response.bodyAsString()));
    } finally {
      slots.release(smtp, slotsNeeded);
    }
  }

  /**
   * Throws when {@code reply} concerns the whole mailbox: the token refused, access
   * denied, no such user or mailbox, Graph failing.
   */
  private void failIfMailboxWide(String smtp, ApiRequest request, ApiReply reply, GraphToken token) throws MailboxException {
    String what = request.operation() + " for " + smtp;
    switch (reply.status()) {
      case 401 -> throw new MailboxException(MailboxError.APP_SIGN_IN_REFUSED, "Microsoft Graph refused the token of "
          + tokens.describe() + " (" + what + "): " + reply.describe());
      case 403 -> throw accessDenied(smtp, request, reply, token);
      case 404 -> {
        if (reply.errorCode().equals("ErrorInvalidUser")) {
          throw new MailboxException(MailboxError.MAILBOX_NOT_FOUND, "Microsoft Graph knows no user " + smtp
              + " in tenant " + settings.tenantId() + " (" + reply.describe() + ")");
        }
        if (reply.errorCode().equals("MailboxNotEnabledForRESTAPI")) {
          throw new MailboxException(MailboxError.MAILBOX_NOT_ENABLED, smtp + " has no Exchange Online mailbox Microsoft Graph"
              + " can reach: it is unlicensed, inactive, soft-deleted or still on premises (" + reply.describe() + ")");
        }
      }
      case 500, 502, 504 -> throw new MailboxException(MailboxError.UNAVAILABLE, "Microsoft Graph failed on " + what + ": "
          + reply.describe());
      default -> {
        // the caller's to handle
      }
    }
  }

  /**
   * {@code ErrorAccessDenied} is the same answer for a permission the app lacks
   * and for a mailbox it may not reach. The app may hold a permission two ways
   * that add up: Entra consent, which a fresh token's {@code roles} show (a kept
   * one shows consent as it was when issued), and RBAC for Applications, which no
   * token shows. So when the roles hold the permission, Exchange kept the app out
   * of this mailbox (an application access policy limits the consent, and no role
   * assignment reaches the mailbox); when they do not, the app holds the permission
   * for this mailbox neither way.
   */
  private MailboxException accessDenied(String smtp, ApiRequest request, ApiReply reply, GraphToken token) throws MailboxException {
    GraphToken fresh = tokens.renew(token);
    Optional<java.util.Set<String>> roles = fresh.roles();
    String permission = request.permission();
    String refused = "Microsoft Graph refused " + request.operation() + " for " + smtp + " (" + reply.describe() + ")";
    String fix = "To fix: " + AppGrants.RBAC + "; or " + AppGrants.ENTRA + ".";
    if (roles.isPresent() && !permission.isEmpty() && !roles.get().contains(permission)) {
      return new MailboxException(MailboxError.APP_PERMISSION_MISSING, refused + ": the app (" + tokens.describe()
          + ") may not use " + permission + " on this mailbox. It has no admin consent in Microsoft Entra ID for "
          + permission + " (its token grants " + (roles.get().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(roles.get())))
          + "), and no RBAC for Applications role assignment " + AppGrants.role(permission)
          + " in Exchange Online has this mailbox in its management scope. " + fix);
    }
    String why = roles.isPresent()
        ? "the app " + settings.clientId() + " has admin consent for " + permission + ", but an application access policy keeps "
            + "it from this mailbox, and no RBAC for Applications role assignment has the mailbox in its management scope"
        : "the mailbox is outside what the app " + settings.clientId() + " may reach (RBAC for Applications), or the app holds "
            + "no " + permission + " (its token does not show its permissions)";
    return new MailboxException(MailboxError.MAILBOX_OUT_OF_SCOPE, refused + ": " + why + ". " + fix);
  }

  /** Waits as a throttled {@code reply} asks before attempt {@code attempt + 1}, or gives up after the last. */
  private void waitOut(String smtp, String operation, int attempt, ApiReply reply) throws MailboxException {
    Duration wait = reply.retryAfter().map(settings.retry()::capped).orElseGet(() -> settings.retry().backOffAfter(attempt));
    if (attempt >= settings.retry().maxAttempts()) {
      stats.gaveUp();
      throw new MailboxException(MailboxError.THROTTLED, operation + " for " + smtp + ": Microsoft Graph was still throttling after "
          + attempt + " attempts (" + reply.describe() + ")");
    }
    sleepFor(smtp, operation, wait, reply);
  }

  private void sleepFor(String smtp, String operation, Duration wait, ApiReply reply) throws MailboxException {
    stats.waited(wait);
    LOG.warn("Microsoft Graph is throttling {} for {} ({}): waiting {} ms", operation, smtp, reply.describe(), wait.toMillis());
    try {
      settings.retry().sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailboxException(MailboxError.UNEXPECTED, operation + " for " + smtp + " was interrupted while waiting", e);
    }
  }

  private static JsonObject json(String text) {
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject().put("error", new JsonObject().put("code", "NotJson").put("message", abbreviated(text)));
    }
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
  }

  private static String abbreviated(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
