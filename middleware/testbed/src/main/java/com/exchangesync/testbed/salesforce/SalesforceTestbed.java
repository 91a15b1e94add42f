package com.exchangesync.testbed.salesforce;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A server that answers as a Salesforce org does, for what the middleware
 * needs: the OAuth 2.0 token endpoint {@code POST /services/oauth2/token}
 * ({@link OAuthTokenEndpoint}); the partner SOAP API at
 * {@code POST /services/Soap/u/{version}} (and {@code .../{orgId}}, the
 * {@code serverUrl} a login returns) serving {@code login}, {@code logout},
 * {@code getUserInfo}, {@code getServerTimestamp}, {@code query},
 * {@code queryAll}, {@code queryMore}, {@code retrieve}, {@code create},
 * {@code update}, {@code upsert}, {@code delete}, {@code getUpdated} and
 * {@code getDeleted}; Outbound Messages to a configured endpoint; and an admin
 * API under {@code /sim} (see the module README). The schema is the standard
 * objects plus the package's {@code force-app}. State lives in memory; bad
 * input gets the fault the org gives and the server keeps serving.
 *
 * <p>One server plays two hosts, told apart by the request's {@code Host}:
 * the login URL ({@link #baseUrl}, the URL a worker is configured with, as
 * {@code login.salesforce.com} or a My Domain) and the org's instance
 * ({@link #instanceUrl}, the token's {@code instance_url} and a login's
 * {@code serverUrl}). As at {@code login.salesforce.com}, the login host serves
 * only {@code login} on the SOAP API: any other call there is refused, so a
 * client that keeps calling the login URL fails here as it would there. On
 * loopback the two hosts are {@code 127.0.0.1} and {@code localhost}; a test
 * bed on another address is one host serving both.
 */
public final class SalesforceTestbed {

  private static final Logger LOG = LoggerFactory.getLogger(SalesforceTestbed.class);
  private static final int MAX_REQUEST_BYTES = 20 * 1024 * 1024;
  private static final String XML = "text/xml;charset=UTF-8";
  static final String DEFAULT_VERSION = "65.0";
  static final Set<String> OPERATIONS = Set.of("login", "logout", "getUserInfo", "getServerTimestamp", "query", "queryAll", "queryMore",
      "retrieve", "create", "update", "upsert", "delete", "getUpdated", "getDeleted");

  private final Vertx vertx;
  private final SalesforceTestbedOptions options;
  final RecordStore store;
  final Sessions sessions;
  final QueryCursors cursors;
  final FaultPlan faults = new FaultPlan();
  final Stats stats = new Stats();
  final OutboundSender outbound;
  final OAuthApps apps = new OAuthApps();
  final OrgClock orgClock;
  final LoginOperations login;
  private final OAuthTokenEndpoint tokens;
  private final QueryOperations queries;
  private final WriteOperations writes;
  private final ReplicationOperations replication;
  private HttpServer server;

  private SalesforceTestbed(Vertx vertx, SalesforceTestbedOptions options, Schema schema) {
    this.vertx = vertx;
    this.options = options;
    this.orgClock = new OrgClock(options.clock());
    this.store = new RecordStore(schema, orgClock);
    this.sessions = new Sessions(options.clock());
    this.cursors = new QueryCursors(options.clock());
    this.login = new LoginOperations(store, sessions, this::instanceUrl);
    this.tokens = new OAuthTokenEndpoint(store, sessions, apps, options.clock(), this::baseUrl, this::instanceUrl);
    this.queries = new QueryOperations(store, cursors, stats);
    this.writes = new WriteOperations(store);
    this.replication = new ReplicationOperations(store);
    this.outbound = new OutboundSender(vertx, store, options.outboundTimeScale(), this::instanceUrl);
    store.addListener(outbound);
    store.addListener(new ActivityRollup(store));
    store.locked(() -> {
      OrgSetup.install(store, new JsonObject());
      return null;
    });
  }

  /** Starts a test bed; the future completes once it listens (or fails if the package's metadata cannot be read). */
  public static Future<SalesforceTestbed> start(Vertx vertx, SalesforceTestbedOptions options) {
    SalesforceTestbed bed;
    try {
      Path forceApp = options.projectRoot() != null ? options.projectRoot().resolve("force-app") : ProjectRoot.forceApp().orElse(null);
      if (forceApp == null || !forceApp.toFile().isDirectory()) {
        LOG.warn("No force-app found (exsync.project.root or a parent of the working directory): the Salesforce test bed serves"
            + " the standard objects only.");
        forceApp = null;
      }
      Schema schema = Schema.load(forceApp, options.namespace());
      schema.warnings().forEach(w -> LOG.warn("Salesforce test bed schema: {}", w));
      bed = new SalesforceTestbed(vertx, options, schema);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Router router = Router.router(vertx);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_REQUEST_BYTES);
    router.post("/services/oauth2/token").handler(BodyHandler.create(false).setBodyLimit(64 * 1024)).handler(bed::token);
    router.post("/services/Soap/u/:version").handler(body).handler(bed::soap);
    router.post("/services/Soap/u/:version/:org").handler(body).handler(bed::soap);
    new SimAdminApi(bed).mount(router, body);
    return vertx.createHttpServer(new HttpServerOptions().setDecompressionSupported(true).setCompressionSupported(true)
            .setHandle100ContinueAutomatically(true))
        .requestHandler(router)
        .listen(options.port(), options.host())
        .map(s -> {
          bed.server = s;
          return bed;
        });
  }

  /** Stops listening and sending Outbound Messages. */
  public Future<Void> close() {
    Future<Void> stopped = server == null ? Future.succeededFuture() : server.close();
    return stopped.eventually(() -> outbound.close());
  }

  /** The login URL, {@code http://host:port}: the admin API, the token endpoint and SOAP {@code login}; a JWT's audience. */
  public String baseUrl() {
    return "http://" + options.host() + ":" + server.actualPort();
  }

  /** The org's instance, {@code http://<other loopback name>:port}: the token's {@code instance_url}, where API calls go. */
  public String instanceUrl() {
    return "http://" + instanceHost() + ":" + server.actualPort();
  }

  /** The SOAP login endpoint for API 65.0, as force-wsc's {@code ConnectorConfig.setAuthEndpoint} takes it. */
  public String authEndpoint() {
    return baseUrl() + "/services/Soap/u/" + DEFAULT_VERSION;
  }

  /** The partner SOAP endpoint of the instance for API 65.0 ({@code instance_url} + {@code /services/Soap/u/65.0}). */
  public String soapEndpoint() {
    return instanceUrl() + "/services/Soap/u/" + DEFAULT_VERSION;
  }

  private String instanceHost() {
    return switch (options.host()) {
      case "127.0.0.1" -> "localhost";
      case "localhost" -> "127.0.0.1";
      default -> options.host();
    };
  }

  /** Whether a request came to the login host, where the SOAP API serves {@code login} alone. */
  private boolean atLoginHost(RoutingContext ctx) {
    if (instanceHost().equals(options.host())) {
      return false;
    }
    String authority = ctx.request().authority() == null ? null : ctx.request().authority().host();
    return options.host().equalsIgnoreCase(authority);
  }

  // --- OAuth ----------------------------------------------------------------------------------------

  private void token(RoutingContext ctx) {
    stats.tokenRequests.incrementAndGet();
    FaultPlan.Fault fault = faults.failure(FaultPlan.TOKEN);
    if (fault != null) {
      Answer failed = httpFault(fault.kind(), FaultPlan.TOKEN);
      if (failed != null) {
        send(ctx, failed);
        return;
      }
    }
    // Read on the event loop, where the request lives; answered off it.
    java.util.Map<String, String> form = new java.util.HashMap<>();
    for (String name : OAuthTokenEndpoint.PARAMETERS) {
      String v = ctx.request().getParam(name);
      if (v != null && !v.isEmpty()) {
        form.put(name, v);
      }
    }
    String authorization = ctx.request().getHeader("Authorization");
    OAuthTokenEndpoint.Params params = new OAuthTokenEndpoint.Params() {
      @Override
      public String get(String name) {
        return form.get(name);
      }

      @Override
      public String authorization() {
        return authorization;
      }
    };
    // The store's lock can be held by a long query: wait for it off the event loop, as SOAP calls do.
    vertx.executeBlocking(() -> store.locked(() -> tokens.token(params)), false).onComplete(ar -> {
      if (ar.failed()) {
        send(ctx, internalError(ar.cause()));
        return;
      }
      OAuthTokenEndpoint.Answer answer = ar.result();
      if (answer.status() != 200) {
        stats.authChallenges.incrementAndGet();
      }
      long delay = faults.latency(FaultPlan.TOKEN);
      Runnable reply = () -> ctx.response().setStatusCode(answer.status())
          .putHeader("Content-Type", "application/json;charset=UTF-8")
          .putHeader("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private").end(answer.body().encode());
      if (delay > 0) {
        vertx.setTimer(delay, id -> reply.run());
      } else {
        reply.run();
      }
    });
  }

  /** The API names of the sObject types this org serves. */
  public List<String> sObjectTypes() {
    return store.schema.types().stream().map(t -> t.name).toList();
  }

  // --- SOAP -----------------------------------------------------------------------------------------

  /** What one request is answered with; {@code drop}: the connection is closed instead (an answer lost on the way). */
  private record Answer(int status, String contentType, String body, String operation, boolean drop) {

    Answer(int status, String contentType, String body, String operation) {
      this(status, contentType, body, operation, false);
    }
  }

  private void soap(RoutingContext ctx) {
    stats.httpRequests.incrementAndGet();
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    String version = ctx.pathParam("version");
    boolean loginHost = atLoginHost(ctx);
    vertx.executeBlocking(() -> serve(body, version, loginHost), false).onComplete(ar -> {
      Answer answer = ar.succeeded() ? ar.result() : internalError(ar.cause());
      long delay = answer.operation() == null ? 0 : faults.latency(answer.operation());
      if (delay > 0) {
        vertx.setTimer(delay, id -> send(ctx, answer));
      } else {
        send(ctx, answer);
      }
    });
  }

  private Answer serve(byte[] body, String versionText, boolean loginHost) {
    String operation = null;
    try {
      SoapCall call = call(body, versionText);
      operation = call.operation();
      stats.call(operation);
      ApiVersion version = ApiVersion.served(versionText);
      if (loginHost && !operation.equals("login")) {
        throw SalesforceFault.unexpected("UNKNOWN_EXCEPTION",
            "Destination URL not reset. The URL returned from login must be set in the SforceService");
      }
      FaultPlan.Fault fault = faults.failure(operation);
      int locked = 0;
      if (fault != null) {
        Answer failed = httpFault(fault.kind(), operation);
        if (failed != null) {
          return failed;
        }
        switch (fault.kind()) {
          case "REQUEST_LIMIT_EXCEEDED" -> throw SalesforceFault.unexpected("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
          case "INVALID_SESSION_ID" -> {
            sessions.expireAll();
            stats.authChallenges.incrementAndGet();
            throw SalesforceFault.invalidSession();
          }
          case FaultPlan.HTTP503_AFTER_WRITE, FaultPlan.DROP_AFTER_WRITE -> {
            return lostAnswer(call, version, fault.kind());
          }
          default -> locked = fault.records();
        }
      }
      int lockedRecords = locked;
      String response = store.locked(() -> dispatch(call, lockedRecords, version));
      return new Answer(200, XML, envelope(response, !operation.equals("login")), operation);
    } catch (SalesforceFault f) {
      return new Answer(500, XML, f.envelope(), operation);
    }
  }

  /**
   * A write that is applied, whatever it comes to, and whose answer is then lost: a 503 page (a proxy in
   * front of the org gave up waiting) or a closed connection. The caller cannot tell whether it happened.
   */
  private Answer lostAnswer(SoapCall call, ApiVersion version, String kind) {
    try {
      store.locked(() -> dispatch(call, 0, version));
    } catch (SalesforceFault refused) {
      // the org refused it: nothing was written, and the caller never hears so either
    }
    return kind.equals(FaultPlan.DROP_AFTER_WRITE) ? new Answer(0, XML, "", call.operation(), true)
        : httpFault("http503", call.operation());
  }

  /** The HTTP error page an injected {@code http500} or {@code http503} fault answers with; null for other kinds. */
  private static Answer httpFault(String kind, String operation) {
    return switch (kind) {
      case "http500" -> new Answer(500, "text/html", "<html><body><h1>500 Internal Server Error</h1></body></html>", operation);
      case "http503" -> new Answer(503, "text/html", "<html><head><title>Service Unavailable</title></head><body><h1>Service"
          + " Unavailable</h1><p>The server is temporarily unable to service your request. Please try again later.</p>"
          + "</body></html>", operation);
      default -> null;
    };
  }

  /** Reads the envelope; anything that is not a well-formed partner API request is a client fault. */
  private static SoapCall call(byte[] body, String version) {
    Document doc;
    try {
      doc = SoapXml.parse(body);
    } catch (SoapXml.Malformed e) {
      throw SalesforceFault.client("Unable to parse the request: " + e.getMessage());
    }
    Element envelope = doc.getDocumentElement();
    if (!"Envelope".equals(envelope.getLocalName()) || !SoapXml.SOAP.equals(envelope.getNamespaceURI())) {
      throw SalesforceFault.client("The request is not a SOAP 1.1 envelope");
    }
    Element header = SoapXml.child(envelope, "Header").orElse(null);
    Element soapBody = SoapXml.child(envelope, "Body").orElseThrow(() -> SalesforceFault.client("The envelope has no Body"));
    Element request = SoapXml.children(soapBody).stream().findFirst()
        .orElseThrow(() -> SalesforceFault.client("The Body holds no request"));
    if (!SoapXml.PARTNER.equals(request.getNamespaceURI()) || !OPERATIONS.contains(request.getLocalName())) {
      throw SalesforceFault.client("No operation available for request {" + request.getNamespaceURI() + "}" + request.getLocalName()
          + ", please check the WSDL for the service.");
    }
    return new SoapCall(request.getLocalName(), request, header, version);
  }

  private String dispatch(SoapCall call, int locked, ApiVersion version) {
    if (call.operation().equals("login")) {
      try {
        return login.login(call, version);
      } catch (SalesforceFault f) {
        stats.authChallenges.incrementAndGet();
        throw f;
      }
    }
    String userId = sessions.user(call.sessionId().orElse(null));
    Row user = userId == null ? null : store.row(userId);
    if (user == null || !Boolean.TRUE.equals(user.get("IsActive"))) {
      stats.authChallenges.incrementAndGet();
      throw SalesforceFault.invalidSession();
    }
    return switch (call.operation()) {
      case "logout" -> login.logout(call);
      case "getUserInfo" -> login.getUserInfo(userId);
      case "getServerTimestamp" -> login.getServerTimestamp();
      case "query" -> queries.query(call, userId, false);
      case "queryAll" -> queries.query(call, userId, true);
      case "queryMore" -> queries.queryMore(call, userId);
      case "retrieve" -> queries.retrieve(call);
      case "create" -> writes.create(call, userId, locked);
      case "update" -> writes.update(call, userId, locked);
      case "upsert" -> writes.upsert(call, userId, locked);
      case "delete" -> writes.delete(call, locked);
      case "getUpdated" -> replication.getUpdated(call);
      case "getDeleted" -> replication.getDeleted(call);
      default -> throw SalesforceFault.client("No operation available for request {" + SoapXml.PARTNER + "}" + call.operation());
    };
  }

  /** A response envelope; API calls carry the {@code LimitInfoHeader} with the requests counted so far. */
  private String envelope(String body, boolean limitInfo) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"")
        .append(SoapXml.SOAP).append("\" xmlns=\"").append(SoapXml.PARTNER).append("\" xmlns:xsi=\"").append(SoapXml.XSI)
        .append("\" xmlns:sf=\"").append(SoapXml.SOBJECT).append("\">");
    if (limitInfo) {
      out.append("<soapenv:Header><LimitInfoHeader><limitInfo><current>").append(stats.apiRequests.get())
          .append("</current><limit>5000000</limit><type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>");
    }
    return out.append("<soapenv:Body>").append(body).append("</soapenv:Body></soapenv:Envelope>").toString();
  }

  private Answer internalError(Throwable e) {
    LOG.error("The Salesforce test bed failed on a request", e);
    return new Answer(500, XML, SalesforceFault.unexpected("UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this"
        + " ErrorId if you contact support: test-bed").envelope(), null);
  }

  private static void send(RoutingContext ctx, Answer answer) {
    if (answer.drop()) {
      ctx.request().connection().close();
      return;
    }
    ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType()).end(answer.body());
  }
}
