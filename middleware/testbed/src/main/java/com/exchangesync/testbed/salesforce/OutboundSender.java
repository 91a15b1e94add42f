package com.exchangesync.testbed.salesforce;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Queues a notification for every create and update of a watched object
 * (through the API or the admin API) and posts them as Salesforce does: up to
 * 100 notifications of one action per message, one message at a time, each
 * notification carrying the record's values at the time it is sent. A message
 * counts as delivered only on HTTP 200 with {@code <Ack>true</Ack>}; otherwise
 * its notifications are retried after 15 s, doubling up to 2 h, and dropped
 * 24 h after they were queued (all waits multiplied by the time scale).
 */
final class OutboundSender implements RecordStore.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(OutboundSender.class);
  static final int MAX_PER_MESSAGE = 100;
  static final Duration FIRST_RETRY = Duration.ofSeconds(15);
  static final Duration MAX_RETRY = Duration.ofHours(2);
  static final Duration GIVE_UP = Duration.ofHours(24);

  private static final class Pending {
    final String id;
    final SObjectType type;
    final String recordId;
    final long queuedAt;
    long dueAt;
    int attempts;

    Pending(String id, SObjectType type, String recordId, long now) {
      this.id = id;
      this.type = type;
      this.recordId = recordId;
      this.queuedAt = now;
      this.dueAt = now;
    }
  }

  private final Vertx vertx;
  private final RecordStore store;
  private final double scale;
  private final Supplier<String> baseUrl;
  private final HttpClient http;
  private OutboundConfig config;
  private final List<Pending> queue = new ArrayList<>();
  private boolean inFlight;
  private long timer = -1;
  private long timerAt;
  private long generation;
  private long delivered;
  private long attempts;
  private long failedAttempts;
  private long dropped;
  private long messages;

  OutboundSender(Vertx vertx, RecordStore store, double scale, Supplier<String> baseUrl) {
    this.vertx = vertx;
    this.store = store;
    this.scale = scale;
    this.baseUrl = baseUrl;
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
  }

  /** Starts sending to a new endpoint; notifications queued for the old one are forgotten. */
  synchronized void configure(OutboundConfig newConfig) {
    config = newConfig;
    queue.clear();
    generation++;
  }

  /** Forgets the configuration, the queue and the counters. */
  synchronized void reset() {
    config = null;
    queue.clear();
    generation++;
    delivered = 0;
    attempts = 0;
    failedAttempts = 0;
    dropped = 0;
    messages = 0;
  }

  synchronized JsonObject status() {
    return new JsonObject().put("endpoint", config == null ? null : config.endpoint().toString())
        .put("objects", config == null ? null : config.json().getJsonObject("objects"))
        .put("pending", queue.size()).put("delivered", delivered).put("attempts", attempts).put("failedAttempts", failedAttempts)
        .put("messagesDelivered", messages).put("retried", failedAttempts).put("dropped", dropped);
  }

  @Override
  public void saved(Row row, boolean created) {
    synchronized (this) {
      if (config == null || !config.actions().containsKey(row.type)) {
        return;
      }
      queue.add(new Pending(SalesforceIds.next("04l"), row.type, row.id, now()));
    }
    vertx.runOnContext(v -> kick());
  }

  Future<Void> close() {
    synchronized (this) {
      generation++;
      config = null;
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
    }
    return http.close();
  }

  private void kick() {
    List<Pending> batch = new ArrayList<>();
    OutboundConfig cfg;
    long gen;
    synchronized (this) {
      if (inFlight || config == null || queue.isEmpty()) {
        return;
      }
      long now = now();
      long giveUp = scaled(GIVE_UP);
      int before = queue.size();
      queue.removeIf(p -> now - p.queuedAt > giveUp);
      dropped += before - queue.size();
      Pending first = queue.stream().filter(p -> p.dueAt <= now).findFirst().orElse(null);
      if (first == null) {
        schedule(queue.stream().mapToLong(p -> p.dueAt).min().orElse(now) - now);
        return;
      }
      for (Pending p : queue) {
        if (p.type == first.type && p.dueAt <= now && batch.size() < MAX_PER_MESSAGE) {
          batch.add(p);
        }
      }
      inFlight = true;
      cfg = config;
      gen = generation;
    }
    OutboundConfig.Action action = cfg.actions().get(batch.get(0).type);
    vertx.executeBlocking(() -> store.locked(() -> message(action, batch)), false)
        .compose(xml -> xml == null ? Future.succeededFuture(true) : post(cfg, xml))
        .onComplete(ar -> finished(gen, batch, ar.succeeded() && ar.result()));
  }

  /** The message for {@code batch}, or null when none of its records exists any more. */
  private String message(OutboundConfig.Action action, List<Pending> batch) {
    List<OutboundMessageXml.Item> items = new ArrayList<>();
    for (Pending p : batch) {
      Row row = store.row(p.recordId);
      if (row != null) {
        items.add(new OutboundMessageXml.Item(p.id, row));
      }
    }
    return items.isEmpty() ? null : OutboundMessageXml.write(store.org().id(), action.actionId(), baseUrl.get(), action.fields(), items);
  }

  private Future<Boolean> post(OutboundConfig cfg, String xml) {
    synchronized (this) {
      attempts++;
    }
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(cfg.endpoint().toString())
        .setIdleTimeout(60_000).putHeader("Content-Type", "text/xml; charset=utf-8").putHeader("SOAPAction", "\"\"");
    return http.request(request)
        .compose(req -> req.send(Buffer.buffer(xml)))
        .compose(resp -> resp.body().map(body -> resp.statusCode() == 200 && acknowledged(body)))
        .recover(e -> {
          LOG.debug("Outbound Message to {} failed: {}", cfg.endpoint(), e.toString());
          return Future.succeededFuture(false);
        });
  }

  /** Whether the listener answered {@code <notificationsResponse><Ack>true</Ack></notificationsResponse>}. */
  static boolean acknowledged(Buffer body) {
    try {
      Element root = SoapXml.parse(body.getBytes()).getDocumentElement();
      org.w3c.dom.NodeList acks = root.getElementsByTagNameNS(SoapXml.OUTBOUND, "Ack");
      return acks.getLength() > 0 && "true".equals(acks.item(0).getTextContent().trim());
    } catch (SoapXml.Malformed e) {
      return false;
    }
  }

  private void finished(long gen, List<Pending> batch, boolean ok) {
    synchronized (this) {
      inFlight = false;
      if (gen == generation) {
        if (ok) {
          queue.removeAll(batch);
          delivered += batch.size();
          messages++;
        } else {
          failedAttempts++;
          long now = now();
          for (Pending p : batch) {
            p.attempts++;
            p.dueAt = now + retryDelay(p.attempts);
          }
        }
      }
    }
    kick();
  }

  /** 15 s after the first failure, doubling, at most 2 h; scaled. */
  long retryDelay(int failures) {
    long ms = FIRST_RETRY.toMillis() << Math.min(failures - 1, 20);
    return scaled(Duration.ofMillis(Math.min(ms, MAX_RETRY.toMillis())));
  }

  private synchronized void schedule(long delay) {
    long at = now() + Math.max(1, delay);
    if (timer >= 0) {
      if (timerAt <= at) {
        return;
      }
      vertx.cancelTimer(timer);
    }
    timerAt = at;
    timer = vertx.setTimer(Math.max(1, delay), id -> {
      synchronized (this) {
        timer = -1;
      }
      kick();
    });
  }

  private long scaled(Duration d) {
    return Math.max(1, (long) (d.toMillis() * scale));
  }

  private static long now() {
    return System.nanoTime() / 1_000_000;
  }
}
