package com.exchangesync.testbed.exchange;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A server that answers as Exchange Server 2016/2019 does, for what a sync client
 * needs: EWS at {@code /EWS/Exchange.asmx}, SOAP Autodiscover at
 * {@code /autodiscover/autodiscover.svc}, and an admin API under {@code /sim}
 * (see the module README). State lives in memory and is safe under concurrent
 * requests; bad input gets the fault Exchange gives and the server keeps serving.
 */
public final class ExchangeTestbed {

  private static final Logger LOG = LoggerFactory.getLogger(ExchangeTestbed.class);
  private static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

  private final Vertx vertx;
  private final ExchangeTestbedOptions options;
  final MailboxStore store;
  final FaultPlan faults = new FaultPlan();
  final Stats stats = new Stats();
  final MailboxServers servers;
  final StreamingSubscriptions subscriptions;
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  final List<SimExtension> extensions = new java.util.concurrent.CopyOnWriteArrayList<>();
  private Router router;
  private BodyHandler body;
  private HttpServer server;

  private ExchangeTestbed(Vertx vertx, ExchangeTestbedOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.store = new MailboxStore(options.clock());
    this.servers = new MailboxServers(options.streaming().mailboxServers());
    this.subscriptions = new StreamingSubscriptions(options.streaming().scaled(java.time.Duration.ofMinutes(30)),
        options.streaming().hangingConnectionLimit());
    store.listen(subscriptions);
  }

  /** Starts a test bed; the future completes once it listens. */
  public static Future<ExchangeTestbed> start(Vertx vertx, ExchangeTestbedOptions options) {
    ExchangeTestbed bed = new ExchangeTestbed(vertx, options);
    Router router = Router.router(vertx);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_REQUEST_BYTES);
    router.post().pathRegex("(?i)/ews/exchange\\.asmx").handler(body).handler(bed::ews);
    router.post().pathRegex("(?i)/autodiscover/autodiscover\\.svc").handler(body).handler(bed::autodiscover);
    new SimAdminApi(bed).mount(router, body);
    bed.router = router;
    bed.body = body;
    return vertx.createHttpServer(new HttpServerOptions().setHandle100ContinueAutomatically(true))
        .requestHandler(router)
        .listen(options.port(), options.host())
        .map(s -> {
          bed.server = s;
          return bed;
        });
  }

  /** Stops listening. */
  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  /**
   * Lets another protocol (the Graph test bed) serve these mailboxes and share
   * this test bed's admin API: its routes join {@code /sim}, and reset, faults
   * and stats reach it.
   */
  public void attach(SimExtension extension) {
    extensions.add(extension);
    extension.mount(router, body);
  }

  /** The mailboxes, for another protocol that serves them (see {@link #attach}). */
  public MailboxStore mailboxStore() {
    return store;
  }

  /** The counts of {@code /sim/stats}, where another protocol counts the meeting messages it sends. */
  public Stats stats() {
    return stats;
  }

  /** {@code http://host:port}. */
  public String baseUrl() {
    return "http://" + options.host() + ":" + server.actualPort();
  }

  /** The EWS endpoint. */
  public String ewsUrl() {
    return baseUrl() + "/EWS/Exchange.asmx";
  }

  /** The SOAP Autodiscover endpoint. */
  public String autodiscoverUrl() {
    return baseUrl() + "/autodiscover/autodiscover.svc";
  }

  /** Responses this test bed sent that broke the EWS schema (empty unless schema checks are on and something broke). */
  public List<String> schemaViolations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  // --- EWS ----------------------------------------------------------------------------------------

  /**
   * What one request is answered with; {@code drop}: the connection is closed instead (an answer lost on the
   * way); {@code setCookie}: a cookie to set (affinity); {@code stream}: a {@code GetStreamingEvents} to open,
   * with the budget its connection counts against.
   */
  private record Answer(int status, String contentType, String body, String operation, boolean drop, String setCookie,
                        SubscriptionOperations.StreamRequest stream, String budget) {

    Answer(int status, String contentType, String body, String operation) {
      this(status, contentType, body, operation, false, null, null, null);
    }

    Answer(int status, String contentType, String body, String operation, boolean drop) {
      this(status, contentType, body, operation, drop, null, null, null);
    }

    Answer withCookie(String cookie) {
      return new Answer(status, contentType, body, operation, drop, cookie, stream, budget);
    }
  }

  private void ews(RoutingContext ctx) {
    stats.httpRequests.incrementAndGet();
    String account = authenticated(ctx);
    if (account == null) {
      return;
    }
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    MailboxServers.RoutingHeaders routing = new MailboxServers.RoutingHeaders(ctx.request().getHeader("X-AnchorMailbox"),
        "true".equalsIgnoreCase(String.valueOf(ctx.request().getHeader("X-PreferServerAffinity")).trim()),
        MailboxServers.RoutingHeaders.cookie(ctx.request().getHeader("Cookie")));
    vertx.executeBlocking(() -> serveEws(body, routing, account), false).onComplete(ar -> {
      Answer answer = ar.succeeded() ? ar.result() : internalError(ar.cause());
      long delay = answer.operation() == null ? 0 : faults.latency(answer.operation());
      if (delay > 0) {
        vertx.setTimer(delay, id -> send(ctx, answer));
      } else {
        send(ctx, answer);
      }
    });
  }

  private Answer serveEws(byte[] body, MailboxServers.RoutingHeaders routing, String account) {
    String operation = null;
    try {
      Document doc = Xml.parse(body);
      Element envelope = doc.getDocumentElement();
      if (!"Envelope".equals(envelope.getLocalName()) || !Xml.SOAP.equals(envelope.getNamespaceURI())) {
        throw SoapFault.schemaValidation("The root element is not a SOAP 1.1 Envelope.", 1, 1);
      }
      Element soapBody = Xml.child(envelope, "Body").orElseThrow(() -> SoapFault.schemaValidation("The envelope has no Body.", 1, 1));
      Element request = Xml.children(soapBody).stream().findFirst()
          .orElseThrow(() -> SoapFault.schemaValidation("The Body holds no request.", 1, 1));
      if (options.schema() != null) {
        Optional<String> violation = options.schema().check(request);
        if (violation.isPresent()) {
          throw SoapFault.schemaValidation(violation.get(), 0, 0);
        }
      }
      if (!Xml.MESSAGES.equals(request.getNamespaceURI())) {
        throw SoapFault.schemaValidation("The element '" + request.getLocalName() + "' is not an EWS request.", 0, 0);
      }
      operation = request.getLocalName();
      stats.call(operation);
      FaultPlan.Fault fault = faults.failure(operation);
      boolean lost = fault != null && (fault.kind().equals(FaultPlan.HTTP503_AFTER_WRITE)
          || fault.kind().equals(FaultPlan.DROP_AFTER_WRITE));
      if (fault != null && !lost) {
        return injected(fault, operation);
      }
      if (operation.equals("Subscribe") || operation.equals("Unsubscribe") || operation.equals("GetStreamingEvents")) {
        return notifications(envelope, request, routing, account);
      }
      Mailbox mailbox = actingMailbox(envelope);
      Call call = new Call(store, mailbox, request, timeZoneContext(envelope), stats);
      String response = store.locked(() -> dispatch(call));
      if (lost) {
        // The write is applied; its answer never reaches the client, who cannot tell whether it happened.
        return fault.kind().equals(FaultPlan.DROP_AFTER_WRITE) ? new Answer(0, "", "", operation, true)
            : serviceUnavailable(operation);
      }
      return checked(new Answer(200, "text/xml; charset=utf-8", EwsResponses.envelope(response), operation));
    } catch (SoapFault f) {
      return new Answer(f.httpStatus, "text/xml; charset=utf-8", f.envelope(), operation);
    } catch (ResponseMessageError e) {
      // A restriction or paging request the test bed cannot serve fails the whole call, like an invalid request.
      return new Answer(500, "text/xml; charset=utf-8", SoapFault.of(e.code, e.getMessage()).envelope(), operation);
    }
  }

  private static String dispatch(Call call) {
    return switch (call.request().getLocalName()) {
      case "GetFolder" -> FolderOperations.getFolder(call);
      case "FindFolder" -> FolderOperations.findFolder(call);
      case "CreateFolder" -> FolderOperations.createFolder(call);
      case "UpdateFolder" -> FolderOperations.updateFolder(call);
      case "SyncFolderItems" -> SyncFolderItemsOperation.syncFolderItems(call);
      case "GetItem" -> ItemOperations.getItem(call);
      case "CreateItem" -> ItemOperations.createItem(call);
      case "UpdateItem" -> ItemOperations.updateItem(call);
      case "DeleteItem" -> ItemOperations.deleteItem(call);
      case "MoveItem" -> MoveCopyOperations.moveItem(call);
      case "CopyItem" -> MoveCopyOperations.copyItem(call);
      case "FindItem" -> FindItemOperation.findItem(call);
      default -> throw SoapFault.of("ErrorInvalidRequest",
          "The request is invalid: the operation " + call.request().getLocalName() + " is not served by this test bed.");
    };
  }

  /**
   * {@code Subscribe}, {@code Unsubscribe} and {@code GetStreamingEvents} on the Mailbox server the request is
   * routed to. {@code Subscribe} needs a mailbox (the impersonated one, or the account's own); the other two
   * act for the account, impersonating only to spend the impersonated mailbox's connection budget.
   */
  private Answer notifications(Element envelope, Element request, MailboxServers.RoutingHeaders routing, String account) {
    String operation = request.getLocalName();
    boolean impersonating = Xml.child(envelope, "Header").flatMap(h -> Xml.child(h, "ExchangeImpersonation")).isPresent();
    Mailbox acting = impersonating || operation.equals("Subscribe") ? actingMailbox(envelope) : null;
    MailboxServers.Route route;
    try {
      route = servers.route(routing, acting == null ? null : acting.smtp);
    } catch (ResponseMessageError e) {
      String refused = switch (operation) {
        case "Subscribe" -> EwsResponses.envelope(NotificationXml.subscribeFailed(e));
        case "Unsubscribe" -> EwsResponses.envelope(NotificationXml.unsubscribed(e));
        default -> NotificationXml.failed(e.code, e.getMessage(), java.util.List.of(), false);
      };
      return checked(new Answer(200, "text/xml; charset=utf-8", refused, operation));
    }
    String xml = switch (operation) {
      case "Subscribe" -> store.locked(() -> SubscriptionOperations.subscribe(
          new Call(store, acting, request, null, stats), subscriptions, route.server(), account));
      case "Unsubscribe" -> SubscriptionOperations.unsubscribe(request, subscriptions, route.server(), account);
      default -> null;
    };
    if (xml != null) {
      return checked(new Answer(200, "text/xml; charset=utf-8", EwsResponses.envelope(xml), operation)).withCookie(route.setCookie());
    }
    SubscriptionOperations.StreamRequest stream = SubscriptionOperations.getStreamingEvents(request, subscriptions,
        route.server(), account);
    if (stream.found().isEmpty()) {
      return checked(new Answer(200, "text/xml; charset=utf-8", NotificationXml.failed(stream.failureCode(),
          stream.failureMessage(), stream.failedIds(), false), operation)).withCookie(route.setCookie());
    }
    String budget = acting != null ? "mailbox:" + acting.smtp.toLowerCase(java.util.Locale.ROOT)
        : "account:" + account.toLowerCase(java.util.Locale.ROOT);
    return new Answer(200, "text/xml; charset=utf-8", "", operation, false, route.setCookie(), stream, budget);
  }

  /** The zone of the {@code TimeZoneContext} header, or null without one; an unknown zone fails the request as in Exchange. */
  private static CalendarZone timeZoneContext(Element envelope) {
    Optional<Element> definition = Xml.child(envelope, "Header").flatMap(h -> Xml.child(h, "TimeZoneContext"))
        .flatMap(c -> Xml.child(c, "TimeZoneDefinition"));
    if (definition.isEmpty()) {
      return null;
    }
    try {
      return TimeZoneXml.readDefinition(definition.get());
    } catch (ResponseMessageError e) {
      throw SoapFault.of("ErrorTimeZone", "The time zone in the TimeZoneContext header isn't valid: " + e.getMessage());
    }
  }

  /** The impersonated mailbox, or the service account's own when there is no impersonation header. */
  private Mailbox actingMailbox(Element envelope) {
    Optional<Element> impersonation = Xml.child(envelope, "Header").flatMap(h -> Xml.child(h, "ExchangeImpersonation"));
    if (impersonation.isEmpty()) {
      Mailbox own = store.serviceAccountMailbox();
      if (own == null) {
        throw SoapFault.of("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.");
      }
      return own;
    }
    Element connecting = Xml.child(impersonation.get(), "ConnectingSID").orElseThrow(() -> SoapFault.of(
        "ErrorInvalidExchangeImpersonationHeaderData", "ExchangeImpersonation SOAP header must contain a ConnectingSID."));
    Mailbox mailbox = impersonated(connecting);
    if (!store.mayImpersonate(mailbox)) {
      throw SoapFault.of("ErrorImpersonateUserDenied", "The account does not have permission to impersonate the requested user.");
    }
    return mailbox;
  }

  /** The mailbox a {@code ConnectingSID} names: by {@code PrincipalName} (UPN), {@code SID}, or primary or any SMTP address. */
  private Mailbox impersonated(Element connecting) {
    Element id = Xml.children(connecting).stream().findFirst().orElseThrow(() -> SoapFault.of(
        "ErrorInvalidExchangeImpersonationHeaderData", "The ConnectingSID names nobody."));
    String value = id.getTextContent().trim();
    Mailbox mailbox = switch (id.getLocalName()) {
      case "PrincipalName" -> {
        if (!value.matches("[^@\\s]+@[^@\\s]+")) {
          throw SoapFault.of("ErrorInvalidUserPrincipalName", "The user principal name is invalid: " + value);
        }
        yield store.mailboxByUpn(value);
      }
      case "SID" -> {
        if (!value.matches("(?i)S-1-\\d+(-\\d+)+")) {
          throw SoapFault.of("ErrorInvalidSid", "The security identifier is invalid: " + value);
        }
        yield store.mailboxBySid(value);
      }
      case "PrimarySmtpAddress", "SmtpAddress" -> store.mailbox(value);
      default -> throw SoapFault.schemaValidation("Unexpected " + id.getLocalName() + " in ConnectingSID.", 0, 0);
    };
    if (mailbox == null) {
      throw SoapFault.of("ErrorNonExistentMailbox", switch (id.getLocalName()) {
        case "PrincipalName" -> "The user principal name has no mailbox associated with it.";
        case "SID" -> "The SID has no mailbox associated with it.";
        default -> "The SMTP address has no mailbox associated with it.";
      });
    }
    return mailbox;
  }

  private Answer injected(FaultPlan.Fault fault, String operation) {
    return switch (fault.kind()) {
      case "serverBusy" -> new Answer(500, "text/xml; charset=utf-8", SoapFault.serverBusy(fault.backOffMillis()).envelope(), operation);
      case "http503" -> serviceUnavailable(operation);
      default -> new Answer(500, "text/xml; charset=utf-8",
          SoapFault.of("ErrorInternalServerError", "An internal server error occurred. The operation failed.").envelope(), operation);
    };
  }

  /** IIS's answer when the application pool cannot take the request. */
  private static Answer serviceUnavailable(String operation) {
    return new Answer(503, "text/html", "<html><head><title>Service Unavailable</title></head><body>"
        + "<h1>Service Unavailable</h1><p>HTTP Error 503. The service is unavailable.</p></body></html>", operation);
  }

  /** With schema checks on, a response that breaks the schema is recorded and turned into an HTTP 500. */
  private Answer checked(Answer answer) {
    if (options.schema() == null) {
      return answer;
    }
    Optional<String> violation = violation(answer.body());
    if (violation.isEmpty()) {
      return answer;
    }
    recordViolation(answer.operation(), violation.get());
    return new Answer(500, "text/plain; charset=utf-8",
        "The Exchange test bed wrote a " + answer.operation() + " response that breaks the EWS schema: " + violation.get(),
        answer.operation());
  }

  /** What breaks the schema in a response envelope (the notification quirks of {@link NotificationXml} allowed). */
  private Optional<String> violation(String envelope) {
    try {
      return options.schema().checkBody(NotificationXml.schemaShaped(Xml.parse(envelope.getBytes(StandardCharsets.UTF_8))));
    } catch (SoapFault malformed) {
      return Optional.of("the response is not well-formed XML: " + malformed.getMessage());
    }
  }

  private void recordViolation(String operation, String violation) {
    stats.schemaViolations.incrementAndGet();
    violations.add(operation + ": " + violation);
    LOG.error("The test bed's {} response breaks the EWS schema: {}", operation, violation);
  }

  /** Each envelope of a {@code GetStreamingEvents} stream is checked as it goes (it cannot become a 500 any more). */
  private void checkStreamed(String envelope) {
    if (options.schema() != null) {
      violation(envelope).ifPresent(v -> recordViolation("GetStreamingEvents", v));
    }
  }

  private void openStream(RoutingContext ctx, Answer answer) {
    SubscriptionOperations.StreamRequest stream = answer.stream();
    if (answer.setCookie() != null) {
      ctx.response().putHeader("Set-Cookie", answer.setCookie());
    }
    String first = stream.failedIds().isEmpty() ? null
        : NotificationXml.failed(stream.failureCode(), stream.failureMessage(), stream.failedIds(), true);
    new StreamingConnection(vertx, ctx.response(), subscriptions, answer.budget(), stream.found(),
        options.streaming().scaled(java.time.Duration.ofMinutes(stream.minutes())),
        options.streaming().scaled(StreamingOptions.KEEP_ALIVE), this::checkStreamed).start(first);
  }

  private Answer internalError(Throwable e) {
    LOG.error("The Exchange test bed failed on a request", e);
    return new Answer(500, "text/xml; charset=utf-8",
        SoapFault.of("ErrorInternalServerError", "An internal server error occurred. The operation failed.").envelope(), null);
  }

  // --- Autodiscover ---------------------------------------------------------------------------------

  private void autodiscover(RoutingContext ctx) {
    stats.httpRequests.incrementAndGet();
    if (authenticated(ctx) == null) {
      return;
    }
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    vertx.executeBlocking(() -> {
      stats.call("GetUserSettings");
      try {
        return new Answer(200, "text/xml; charset=utf-8", AutodiscoverOperation.getUserSettings(store, Xml.parse(body), ewsUrl()),
            "GetUserSettings");
      } catch (SoapFault f) {
        return new Answer(f.httpStatus, "text/xml; charset=utf-8", f.envelope(), "GetUserSettings");
      }
    }, false).onComplete(ar -> send(ctx, ar.succeeded() ? ar.result() : internalError(ar.cause())));
  }

  // --- plumbing -------------------------------------------------------------------------------------

  /** Basic authentication against the service account (its user name, or null once a 401 challenge, counted, went out). */
  private String authenticated(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0 && store.authenticates(decoded.substring(0, colon), decoded.substring(colon + 1))) {
          return decoded.substring(0, colon);
        }
      } catch (IllegalArgumentException e) {
        // a malformed header is a failed login like any other
      }
    }
    stats.authChallenges.incrementAndGet();
    ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Basic realm=\"" + options.host() + "\"")
        .putHeader("Content-Type", "text/html").end("<html><body><h1>401 - Unauthorized</h1></body></html>");
    return null;
  }

  private void send(RoutingContext ctx, Answer answer) {
    if (answer.drop()) {
      ctx.request().connection().close();
      return;
    }
    if (answer.stream() != null) {
      openStream(ctx, answer);
      return;
    }
    if (answer.setCookie() != null) {
      ctx.response().putHeader("Set-Cookie", answer.setCookie());
    }
    ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType()).end(answer.body());
  }
}
