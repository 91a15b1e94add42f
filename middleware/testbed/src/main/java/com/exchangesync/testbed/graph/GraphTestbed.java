package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.ExchangeTestbed;
import com.exchangesync.testbed.exchange.Mailbox;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server that answers as Microsoft Graph v1.0 and Entra ID do for an
 * app-only client of Exchange Online, over the Exchange test bed's mailboxes
 * (one Exchange, two protocols): the token endpoint
 * {@code POST /<tenant>/oauth2/v2.0/token} and the API under {@code /v1.0} on
 * one base URL (see the module README). Every API request goes through the
 * same steps, alone or inside {@code $batch}: the bearer token
 * ({@code 401 InvalidAuthenticationToken}), the route, the permission and the
 * mailbox ({@code 403 ErrorAccessDenied}, {@code 404 ErrorInvalidUser},
 * {@code MailboxNotEnabledForRESTAPI}), the four-in-flight limit per mailbox
 * ({@code 429 ApplicationThrottled}), injected faults, injected latency, then
 * the work under the store's lock (after which a lost-answer fault takes the answer away).
 */
public final class GraphTestbed {

  private static final Logger LOG = LoggerFactory.getLogger(GraphTestbed.class);
  static final String JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
  private static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

  private final Vertx vertx;
  private final GraphTestbedOptions options;
  private final GraphState state;
  private final NotificationDelivery delivery;
  private final GraphSubscriptions subscriptions;
  private HttpServer server;
  private String baseUrl;

  private GraphTestbed(Vertx vertx, ExchangeTestbed exchange, GraphTestbedOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.state = new GraphState(exchange.mailboxStore(), exchange.stats(), options.clock());
    this.delivery = new NotificationDelivery(vertx, Math.max(1, options.notificationRetryPause().toMillis()),
        GraphTestbedOptions.DELIVERY_ATTEMPTS);
    this.subscriptions = new GraphSubscriptions(vertx, state, delivery);
    exchange.mailboxStore().listen(subscriptions);
  }

  /** Starts a Graph test bed over {@code exchange}'s mailboxes and joins its admin API; completes once it listens. */
  public static Future<GraphTestbed> start(Vertx vertx, ExchangeTestbed exchange, GraphTestbedOptions options) {
    GraphTestbed bed = new GraphTestbed(vertx, exchange, options);
    Router router = Router.router(vertx);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_REQUEST_BYTES);
    router.post("/:tenant/oauth2/v2.0/token").handler(body).handler(ctx -> bed.tokenEndpoint().handle(ctx));
    router.route().pathRegex("/v1\\.0/.*").handler(body).handler(bed::api);
    router.route().handler(ctx -> bed.send(ctx, GraphRequest.of(ctx.request().method().name(), "/", Map.of(), null,
        UUID.randomUUID().toString()), GraphResponse.error(GraphError.badRequest("Invalid version."), GraphRequest.of("GET", "/",
        Map.of(), null, UUID.randomUUID().toString()), bed.state.now())));
    exchange.attach(new GraphSimApi(bed.state, bed.subscriptions));
    return vertx.createHttpServer().requestHandler(router).listen(options.port(), options.host()).map(s -> {
      bed.server = s;
      bed.baseUrl = "http://" + options.host() + ":" + s.actualPort();
      return bed;
    });
  }

  /** Stops listening. */
  public Future<Void> close() {
    subscriptions.close();
    return delivery.close().eventually(() -> server == null ? Future.succeededFuture() : server.close());
  }

  /** {@code http://host:port}: the login URL ({@code EXSYNC_GRAPH_LOGIN_URL}) and the Graph URL ({@code EXSYNC_GRAPH_URL}). */
  public String baseUrl() {
    return baseUrl;
  }

  /** The token endpoint of {@code tenant}. */
  public String tokenUrl(String tenant) {
    return baseUrl + "/" + tenant + "/oauth2/v2.0/token";
  }

  private TokenEndpoint tokenEndpoint() {
    return new TokenEndpoint(state, baseUrl);
  }

  // --- the API --------------------------------------------------------------------------------------

  private void api(RoutingContext ctx) {
    state.stats.httpRequests.incrementAndGet();
    Map<String, String> headers = new LinkedHashMap<>();
    ctx.request().headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
    GraphRequest request;
    try {
      request = GraphRequest.of(ctx.request().method().name(), ctx.request().uri(), headers, ctx.body().asString(),
          UUID.randomUUID().toString());
    } catch (GraphError e) {
      GraphRequest bare = GraphRequest.of(ctx.request().method().name(), "/", headers, null, UUID.randomUUID().toString());
      send(ctx, bare, GraphResponse.error(e, bare, state.now()));
      return;
    }
    try {
      GraphApp app = authenticate(request);
      if (request.segments().size() == 1 && request.segments().get(0).equals("$batch")) {
        batch(ctx, request, app);
        return;
      }
      if (request.segments().get(0).equals("subscriptions")) {
        state.stats.call("subscriptions");
        subscriptions.serve(request, app, baseUrl).onComplete(ar -> send(ctx, request, ar.succeeded() ? ar.result()
            : ar.cause() instanceof GraphError e ? GraphResponse.error(e, request, state.now()) : internalError(request, ar.cause())));
        return;
      }
      GraphRoutes.Route route = GraphRoutes.route(request);
      state.stats.call(route.operation());
      Admitted admitted = admit(route, app);
      long delay = state.faults.latency(route.operation());
      later(delay, () -> execute(route, admitted.mailbox())).onComplete(ar -> {
        GraphResponse response = ar.succeeded() ? ar.result() : internalError(request, ar.cause());
        if (admitted.lostAnswer() != null && admitted.lostAnswer().afterWrite()) {
          loseAnswer(ctx, request, admitted.lostAnswer());
        } else {
          send(ctx, request, response);
        }
      });
    } catch (GraphError e) {
      send(ctx, request, GraphResponse.error(e, request, state.now()));
    }
  }

  /** A call let through: the mailbox, with a slot taken, and the lost-answer fault due for it (or null). */
  private record Admitted(Mailbox mailbox, GraphFaults.Fault lostAnswer) {}

  /** The answer to a write that was carried out, lost: Graph's 503, or the connection closed without a word. */
  private void loseAnswer(RoutingContext ctx, GraphRequest request, GraphFaults.Fault fault) {
    if (fault.kind().equals(GraphFaults.DROP_AFTER_WRITE)) {
      ctx.request().connection().close();
    } else {
      send(ctx, request, GraphResponse.error(GraphFaults.error(fault), request, state.now()));
    }
  }

  private void batch(RoutingContext ctx, GraphRequest request, GraphApp app) {
    if (!request.method().equals("POST")) {
      throw GraphRoutes.notAllowed();
    }
    state.stats.call("batch");
    GraphFaults.Fault fault = state.faults.failure("batch", Batch.holdsWrite(request));
    if (fault != null && !fault.afterWrite()) {
      throw GraphFaults.error(fault);
    }
    // A request inside that is to lose its answer by a dropped connection drops the batch's, after the batch ran.
    AtomicReference<GraphFaults.Fault> drop = new AtomicReference<>();
    long delay = state.faults.latency("batch");
    later(delay, () -> {
      try {
        return Batch.run(request, state.now(), sub -> one(sub, app, drop));
      } catch (GraphError e) {
        return GraphResponse.error(e, request, state.now());
      }
    }).onComplete(ar -> {
      GraphResponse response = ar.succeeded() ? ar.result() : internalError(request, ar.cause());
      if (fault != null) {
        loseAnswer(ctx, request, fault);
      } else if (drop.get() != null) {
        loseAnswer(ctx, request, drop.get());
      } else {
        send(ctx, request, response);
      }
    });
  }

  /**
   * One request inside a batch, through every step an HTTP request takes but the latency; a
   * {@code dropAfterWrite} due for it is handed to {@code drop}, for the batch's connection.
   */
  private GraphResponse one(GraphRequest request, GraphApp app, AtomicReference<GraphFaults.Fault> drop) {
    try {
      if (request.segments().size() == 1 && request.segments().get(0).equals("$batch")) {
        throw GraphError.badRequest("A batch cannot hold another batch.");
      }
      GraphRoutes.Route route = GraphRoutes.route(request);
      state.stats.call(route.operation());
      Admitted admitted = admit(route, app);
      GraphResponse response = execute(route, admitted.mailbox());
      GraphFaults.Fault lost = admitted.lostAnswer();
      if (lost != null && lost.kind().equals(GraphFaults.DROP_AFTER_WRITE)) {
        drop.compareAndSet(null, lost);
      } else if (lost != null) {
        return GraphResponse.error(GraphFaults.error(lost), request, state.now());
      }
      return response;
    } catch (GraphError e) {
      return GraphResponse.error(e, request, state.now());
    }
  }

  /** The app registration the bearer token was issued to (the current one); its permissions are read at each call. */
  private GraphApp authenticate(GraphRequest request) {
    try {
      AccessTokens.Claims claims = state.tokens.verify(request.header("Authorization"), state.now());
      GraphApp app = state.app();
      if (app == null || !app.clientId().equalsIgnoreCase(claims.appId()) || !app.tenantId().equalsIgnoreCase(claims.tenantId())) {
        throw AccessTokens.invalid("Access token validation failure. The application or its tenant is no longer registered.");
      }
      return app;
    } catch (GraphError e) {
      state.stats.authChallenges.incrementAndGet();
      throw e;
    }
  }

  /**
   * The mailbox a call may act on, with a slot taken in its four (the caller releases it through {@link #execute}),
   * and the lost-answer fault due for it, if any.
   *
   * @throws GraphError for a missing permission, an unknown, on-premises or out-of-scope mailbox, a full mailbox, a fault
   */
  private Admitted admit(GraphRoutes.Route route, GraphApp app) {
    if (!app.mayUse(route.permission())) {
      throw GraphError.accessDenied();
    }
    Mailbox mailbox = state.store.mailbox(route.smtp());
    if (mailbox == null) {
      throw new GraphError(404, "ErrorInvalidUser", "The requested user '" + route.smtp() + "' is invalid.");
    }
    if (mailbox.onPremises) {
      throw new GraphError(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
    }
    if (!app.allows(route.permission(), mailbox.smtp)) {
      // outside the access policy of the app's consent and outside every role assignment's scope
      throw GraphError.accessDenied();
    }
    try {
      state.concurrency.acquire(mailbox.smtp);
    } catch (GraphError e) {
      state.stats.throttled.incrementAndGet();
      throw e;
    }
    GraphFaults.Fault fault = state.faults.failure(route.operation(), !route.request().method().equals("GET"));
    if (fault != null && !fault.afterWrite()) {
      state.concurrency.release(mailbox.smtp);
      GraphError refusal = GraphFaults.error(fault);
      if (refusal.status == 429) {
        state.stats.throttled.incrementAndGet();
      }
      throw refusal;
    }
    return new Admitted(mailbox, fault);
  }

  /** Serves an admitted call under the store's lock, then frees its slot. */
  private GraphResponse execute(GraphRoutes.Route route, Mailbox mailbox) {
    try {
      return state.store.locked(() -> {
        try {
          return route.handler().handle(new GraphCall(state, route.request(), mailbox, baseUrl));
        } catch (GraphError e) {
          return GraphResponse.error(e, route.request(), state.now());
        }
      });
    } finally {
      state.concurrency.release(mailbox.smtp);
    }
  }

  /** Runs {@code work} on a worker thread after {@code delayMs} (the injected latency, during which the slot stays taken). */
  private Future<GraphResponse> later(long delayMs, java.util.concurrent.Callable<GraphResponse> work) {
    Promise<GraphResponse> promise = Promise.promise();
    Runnable run = () -> vertx.executeBlocking(work, false).onComplete(promise);
    if (delayMs > 0) {
      vertx.setTimer(delayMs, id -> run.run());
    } else {
      run.run();
    }
    return promise.future();
  }

  private GraphResponse internalError(GraphRequest request, Throwable cause) {
    LOG.error("The Graph test bed failed on {} {}", request.method(), request.segments(), cause);
    return GraphResponse.error(new GraphError(500, "InternalServerError", "An internal server error occurred."), request, state.now());
  }

  private void send(RoutingContext ctx, GraphRequest request, GraphResponse response) {
    var out = ctx.response().setStatusCode(response.status()).putHeader("request-id", request.requestId())
        .putHeader("client-request-id", request.clientRequestId()).putHeader("OData-Version", "4.0");
    response.headers().forEach(out::putHeader);
    String zone = request.preferences().get("outlook.timezone");
    if (zone != null && response.status() < 300) {
      out.putHeader("Preference-Applied", "outlook.timezone=\"" + zone + "\"");
    }
    if (response.body() == null) {
      out.end();
    } else {
      out.putHeader("Content-Type", JSON).end(response.body().encode());
    }
  }
}
