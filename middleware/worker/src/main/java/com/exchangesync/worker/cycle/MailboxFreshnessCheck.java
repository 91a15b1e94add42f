package com.exchangesync.worker.cycle;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.http.HealthCheck;
import com.exchangesync.worker.logging.LogContext;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.store.MailboxSyncs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness and metrics of the mailboxes the org serves, whichever worker syncs them ({@link MailboxSyncs}):
 * readiness fails while a served mailbox has had no successful pass for {@link #staleAfter} (max(5 poll
 * intervals, 15 minutes)), naming how many and the stalest with their last error; {@code /metrics} shows
 * {@code exsync_mailboxes_served}, {@code exsync_mailboxes_stale} and, per kind, the age of the oldest last
 * success ({@code exsync_mailbox_last_success_age_seconds{kind}}). The figures are read every
 * {@link #REFRESH} and at each readiness probe, so a scrape never waits for the database.
 *
 * <p>Fifteen minutes at least: a pass that fails for a passing reason (an outage of a few minutes, throttling
 * beyond the retries) mends within a few cycles without turning readiness red, while a mailbox that stopped
 * syncing shows within a quarter of an hour.
 */
public final class MailboxFreshnessCheck implements HealthCheck {

  /** How often the figures are read for {@code /metrics}. */
  public static final Duration REFRESH = Duration.ofSeconds(30);
  /** The least time without a successful pass before a mailbox counts as stale. */
  static final Duration MIN_STALE = Duration.ofMinutes(15);
  private static final int STALE_INTERVALS = 5;
  /** The stale mailboxes a readiness answer names; the count covers the rest. */
  private static final int NAMED = 5;
  private static final Logger LOG = LoggerFactory.getLogger(MailboxFreshnessCheck.class);

  private final Vertx vertx;
  private final MailboxSyncs syncs;
  private final Duration staleAfter;
  private final Clock clock;
  private volatile MailboxSyncs.Freshness last = MailboxSyncs.Freshness.NONE;
  private volatile boolean readFailing;
  private long timer = -1;

  /**
   * @param pollInterval the worker's poll interval, which the stale threshold follows
   */
  public MailboxFreshnessCheck(Vertx vertx, MailboxSyncs syncs, Duration pollInterval, Clock clock, Metrics metrics) {
    this.vertx = vertx;
    this.syncs = syncs;
    Duration intervals = pollInterval.multipliedBy(STALE_INTERVALS);
    this.staleAfter = intervals.compareTo(MIN_STALE) > 0 ? intervals : MIN_STALE;
    this.clock = clock;
    metrics.gauge("exsync_mailboxes_served", "Mailbox and kind pairs the org serves (linked reps of active configurations)",
        () -> last.served());
    metrics.gauge("exsync_mailboxes_stale", "Served mailbox and kind pairs with no successful pass for the stale threshold",
        () -> last.staleCount());
    metrics.gauge("exsync_mailbox_last_success_age_seconds",
        "Per kind, seconds since the least recently synced served mailbox last synced (or was first served)",
        List.of("kind"), this::ages);
  }

  /** How long a served mailbox may go without a successful pass: max(5 poll intervals, 15 minutes). */
  public Duration staleAfter() {
    return staleAfter;
  }

  /** Reads the figures now and every {@link #REFRESH}. */
  public void start() {
    refresh();
    timer = vertx.setPeriodic(REFRESH.toMillis(), id -> refresh());
  }

  /** Stops reading the figures. */
  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  @Override
  public String name() {
    return "mailboxes";
  }

  @Override
  public Future<Void> check() {
    return refresh().compose(f -> f.staleCount() == 0 ? Future.succeededFuture() : Future.failedFuture(describe(f)));
  }

  /** Reads the figures; a database outage is logged when it starts (the {@code database} check names it meanwhile). */
  private Future<MailboxSyncs.Freshness> refresh() {
    return syncs.freshness(syncs.orgs(), clock.instant().minus(staleAfter), NAMED)
        .onSuccess(f -> {
          last = f;
          readFailing = false;
        })
        .onFailure(e -> {
          if (!readFailing) {
            readFailing = true;
            LOG.warn("Could not read how the mailboxes fare; the figures stay as last read", e);
          }
        });
  }

  /** {@code 2 of 6 mailboxes have not synced for 15 minutes: ann@… (user 005…, contacts) last synced …, failing: …; …}. */
  private String describe(MailboxSyncs.Freshness f) {
    String named = f.stale().stream().map(this::describe).collect(Collectors.joining("; "));
    int unnamed = f.staleCount() - f.stale().size();
    return f.staleCount() + " of " + f.served() + (f.served() == 1 ? " mailbox has" : " mailboxes have")
        + " not synced for " + HealthCheck.words(staleAfter) + ": " + named + (unnamed > 0 ? "; and " + unnamed + " more" : "");
  }

  private String describe(MailboxSyncs.Stale s) {
    StringBuilder out = new StringBuilder(s.email()).append(" (user ").append(s.userId()).append(", ")
        .append(LogContext.kindName(s.kind())).append(") ");
    out.append(s.everSynced() ? "last synced " + seconds(s.since()) : "never synced, served since " + seconds(s.since()));
    // No error kept means the last pass that ended succeeded (at "since") or none ended: nobody tried since.
    out.append(s.lastError().map(e -> ", failing (last tried " + s.lastAttempt().map(MailboxFreshnessCheck::seconds)
        .map(Instant::toString).orElse("?") + "): " + e).orElse(", no pass ended since"));
    return out.toString();
  }

  private Map<List<String>, Double> ages() {
    Instant now = clock.instant();
    Map<List<String>, Double> ages = new HashMap<>();
    for (Map.Entry<ItemKind, Instant> e : last.oldest().entrySet()) {
      ages.put(List.of(LogContext.kindName(e.getKey())), Duration.between(e.getValue(), now).toMillis() / 1000.0);
    }
    return ages;
  }

  private static Instant seconds(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS);
  }
}
