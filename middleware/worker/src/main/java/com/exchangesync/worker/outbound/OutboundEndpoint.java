package com.exchangesync.worker.outbound;

import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.SalesforceId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /salesforce/outbound/{token}}: receives Outbound Messages.
 *
 * <p>In order: the token is compared in constant time (403 before the body is
 * read); a declared body over 1 MiB is refused at once, and a streamed one as
 * soon as it passes 1 MiB (413); the envelope is parsed without DTDs or
 * entities (400); its {@code OrganizationId} must be the worker's org (403);
 * every notification is stored in one transaction; only then is the Ack sent.
 * If the store fails, the answer is a 500 fault without Ack, so Salesforce
 * delivers again. Every refusal is a SOAP fault, stores nothing, and is logged
 * as one line that names the reason and never the token or the session id.
 */
public final class OutboundEndpoint {

  /** The route, with the token as its last path segment. */
  public static final String PATH = "/salesforce/outbound/:token";
  /** The largest body accepted. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  static final String ACK = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
      + "<soapenv:Body><notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack>"
      + "</notificationsResponse></soapenv:Body></soapenv:Envelope>";

  private static final Logger LOG = LoggerFactory.getLogger(OutboundEndpoint.class);

  private final Vertx vertx;
  private final Secret token;
  private final OrganizationSource organization;
  private final NotificationStore store;
  private final Runnable onStored;
  private final OutboundEnvelopeParser parser = new OutboundEnvelopeParser();
  private final Metrics.Counter received;
  private final Metrics.Counter duplicates;
  private final Metrics.Counter rejected;
  private final Metrics.Counter acked;

  /**
   * @param onStored called after notifications were stored (wakes the consumer)
   */
  public OutboundEndpoint(Vertx vertx, Secret token, OrganizationSource organization, NotificationStore store,
                          Metrics metrics, Runnable onStored) {
    this.vertx = vertx;
    this.token = token;
    this.organization = organization;
    this.store = store;
    this.onStored = onStored;
    this.received = metrics.counter("exsync_outbound_notifications_received_total",
        "Notifications in acknowledged Outbound Messages (new and duplicate)");
    this.duplicates = metrics.counter("exsync_outbound_notifications_duplicate_total",
        "Notifications received again after they were stored (acknowledged, not stored twice)");
    this.rejected = metrics.counter("exsync_outbound_messages_rejected_total",
        "Outbound Messages answered with a fault, by reason", "reason");
    this.acked = metrics.counter("exsync_outbound_messages_acked_total", "Outbound Messages acknowledged");
  }

  /** Adds the route to {@code router}. */
  public void mount(Router router) {
    // Two routes because Vert.x wants a body handler first on its route: the
    // token and the declared size are checked before a byte of the body is read.
    router.post(PATH).handler(this::checkTokenAndSize);
    router.post(PATH)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(this::receive)
        .failureHandler(this::failure);
  }

  private void checkTokenAndSize(RoutingContext ctx) {
    if (!token.matches(ctx.pathParam("token"))) {
      reject(ctx, 403, "token", "wrong token in the endpoint URL");
      return;
    }
    String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > MAX_BODY_BYTES) {
          reject(ctx, 413, "too_large", "body of " + length.strip() + " bytes is over " + MAX_BODY_BYTES);
          return;
        }
      } catch (NumberFormatException e) {
        reject(ctx, 400, "malformed", "unreadable Content-Length");
        return;
      }
    }
    ctx.next();
  }

  private void failure(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.statusCode() == 413) {
      reject(ctx, 413, "too_large", "body over " + MAX_BODY_BYTES + " bytes");
    } else {
      LOG.warn("Outbound Message not handled: {}", ctx.failure() == null ? "status " + ctx.statusCode()
          : ctx.failure().getClass().getSimpleName());
      fault(ctx, 500, "soapenv:Server", "the message could not be handled; deliver it again");
    }
  }

  private void receive(RoutingContext ctx) {
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    vertx.executeBlocking(() -> parse(body), false).onComplete(parsed -> {
      if (parsed.failed()) {
        fault(ctx, 500, "soapenv:Server", "the message could not be read; deliver it again");
        return;
      }
      Parsed result = parsed.result();
      if (result.rejection != null) {
        reject(ctx, result.rejection.status(), result.rejection.reason(), result.rejection.getMessage());
        return;
      }
      accept(ctx, result.message);
    });
  }

  private record Parsed(OutboundMessage message, EnvelopeRejectedException rejection) {}

  private Parsed parse(byte[] body) {
    try {
      return new Parsed(parser.parse(body), null);
    } catch (EnvelopeRejectedException e) {
      return new Parsed(null, e);
    }
  }

  private void accept(RoutingContext ctx, OutboundMessage message) {
    Optional<String> sent = SalesforceId.canonical(message.organizationId());
    if (sent.isEmpty()) {
      reject(ctx, 400, "malformed", "OrganizationId is not an id");
      return;
    }
    organization.organizationId()
        .recover(e -> Future.failedFuture(new OrgUnknown(e)))
        .compose(expected -> {
          if (!SalesforceId.same(expected, sent.get())) {
            return Future.failedFuture(new WrongOrg());
          }
          return store.store(sent.get(), message);
        })
        .onComplete(ar -> {
          if (ar.succeeded()) {
            NotificationStore.Stored stored = ar.result();
            received.add(message.notifications().size());
            duplicates.add(stored.duplicates());
            acked.inc();
            ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "text/xml; charset=utf-8").end(ACK);
            if (stored.inserted() > 0) {
              onStored.run();
            }
          } else if (ar.cause() instanceof WrongOrg) {
            reject(ctx, 403, "organization", "OrganizationId is not this worker's org");
          } else if (ar.cause() instanceof OrgUnknown unknown) {
            rejected.inc("org_unknown");
            LOG.warn("Outbound Message not acknowledged (500): this worker's org is not known yet ({})",
                unknown.getCause().getMessage());
            fault(ctx, 500, "soapenv:Server", "the organization cannot be verified now; deliver it again");
          } else {
            rejected.inc("store_failed");
            LOG.warn("Outbound Message not acknowledged (500): {} notification(s) could not be stored ({})",
                message.notifications().size(), ar.cause().getMessage());
            fault(ctx, 500, "soapenv:Server", "the notifications could not be stored; deliver them again");
          }
        });
  }

  private void reject(RoutingContext ctx, int status, String reason, String message) {
    rejected.inc(reason);
    LOG.warn("Outbound Message rejected ({} {}): {}", status, reason, message);
    if (status == 413 && ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
      // Do not read the rest of an oversized upload: close the connection after the fault.
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    }
    fault(ctx, status, status >= 500 ? "soapenv:Server" : "soapenv:Client", message);
  }

  private static void fault(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/xml; charset=utf-8")
        .end("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
            + "<soapenv:Fault><faultcode>" + code + "</faultcode><faultstring>" + escape(message)
            + "</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static final class WrongOrg extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongOrg() {
      super(null, null, false, false);
    }
  }

  private static final class OrgUnknown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OrgUnknown(Throwable cause) {
      super(null, cause, false, false);
    }
  }
}
