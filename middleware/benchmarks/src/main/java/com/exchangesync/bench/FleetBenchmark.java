package com.exchangesync.bench;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.config.PushSettings;
import com.exchangesync.worker.config.WorkerConfig;
import com.exchangesync.worker.cycle.MailboxConnectors;
import com.exchangesync.worker.cycle.SyncCycle;
import com.exchangesync.worker.cycle.WorkerHeartbeat;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SyncSetup;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.Migrations;
import com.exchangesync.worker.store.WorkerPresence;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One worker serving a fleet of mailboxes, most of them quiet: N reps (default 10,000) in one configuration that
 * syncs contacts and events both ways, each with a few records or none and one in a hundred busy ({@link FleetPlan}),
 * a small latency on every SOAP and EWS call (default 3 ms). The worker's real {@link SyncCycle}
 * ({@link BenchWorker}, its default parallelism) runs the cycles; the test beds run in a process of their own.
 *
 * <ol>
 *   <li>The first tenth of the reps are members: their initial sync, then a quiet cycle; the worker's heap after a
 *       full collection, and its class histogram.
 *   <li>The rest join (their profile becomes a member): their initial sync, the next cycle (it reads the echoes
 *       of the initial sync's writes), a quiet cycle, and a cycle after the busy mailboxes changed on both sides;
 *       the heap again. The growth over the added mailboxes is the heap per quiet mailbox, and the classes that grew most
 *       say what the worker keeps per mailbox.
 *   <li>Push: the worker's EWS streaming listener subscribes every mailbox (as the cycle hands it the linked reps;
 *       a cycle with push healthy makes the same calls, so none runs here); then, with the test beds' streaming
 *       clock 30 times faster, a window of 150 s (75 streaming minutes, two connection lifetimes and a half) shows
 *       its upkeep per mailbox-hour, and whether the busy mailboxes' Outlook changes were notified; the heap with
 *       every subscription.
 * </ol>
 *
 * Before each cycle after an initial one the org's clock moves on by the poll interval with push healthy, as time
 * passes between polls (a rep whose records changed reads them once more, the cycle after; then it is quiet).
 * Every cycle checks every mailbox once, so its length is the longest a mailbox waited to be checked; it is set
 * against the worker's poll interval while push is healthy ({@code EXSYNC_PUSH_POLL_INTERVAL_SECONDS}, default 1800)
 * and without push ({@code EXSYNC_POLL_INTERVAL_SECONDS}, default 60); since the scheduler counts the interval from
 * a cycle's start, a mailbox's checks are the longer of the interval and a cycle apart ({@code check_gap_s}). Calls
 * per mailbox-hour are the quiet cycle's per mailbox times the cycles an hour at the push poll interval, plus the
 * push listener's upkeep. Ends with
 * the {@code RESULT} line. Usage: {@code scripts/bench FleetBenchmark [mailboxes] [latencyMs] [busyPercent]};
 * needs PostgreSQL.
 */
public final class FleetBenchmark {

  /** The test beds' streaming clock runs this much slower than it should: 30 times faster than real time. */
  static final double STREAMING_TIME_SCALE = 1 / 30.0;
  private static final Duration UPKEEP_WINDOW = Duration.ofSeconds(150);
  private static final Duration SUBSCRIBE_LIMIT = Duration.ofMinutes(10);

  private FleetBenchmark() {}

  public static void main(String[] args) throws Exception {
    int mailboxes = SyncBenchmark.arg(args, 0, 10_000);
    int latencyMs = SyncBenchmark.arg(args, 1, 3);
    int busyPercent = SyncBenchmark.arg(args, 2, 1);
    if (mailboxes < 10 || latencyMs < 0) {
      throw new IllegalArgumentException("at least 10 mailboxes and no negative latency: " + mailboxes + ", " + latencyMs);
    }
    long runStart = System.nanoTime();
    BenchOrg org = BenchOrg.fleet(mailboxes, mailboxes / 10);
    FleetPlan plan = new FleetPlan(org, busyPercent);
    LocalDate today = LocalDate.now(EventPlan.ZONE);
    Vertx vertx = Vertx.vertx();
    try (TestbedProcess beds = TestbedProcess.start(STREAMING_TIME_SCALE); TestDatabase db = TestDatabase.create("fleetbench")) {
      ExchangeSimClient ex = new ExchangeSimClient(beds.exchangeUrl());
      SalesforceSimClient sf = new SalesforceSimClient(beds.salesforceUrl());
      System.out.printf(Locale.ROOT, "Seeding %,d mailboxes and reps (%,d busy), the first %,d members at once ...%n", mailboxes,
          plan.busyCount(), org.firstWave);
      long seedStart = System.nanoTime();
      org.create(sf, ex, beds.ewsUrl());
      // An org is older than its sync: getDeleted's earliest date (here the org's creation) lies before every watermark.
      sf.advanceClock(3600);
      SalesforceAdapter adapter = BenchWorker.salesforce(beds.salesforceUrl(), BenchSignIn.register(sf, BenchOrg.INTEGRATION));
      FleetPlan.Seeded seeded = plan.seed(adapter, ex, today);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      System.out.printf(Locale.ROOT, "Seeded in %.1f s: %,d records in Salesforce, %,d events in Outlook.%n", seedSeconds,
          seeded.salesforceRecords(), seeded.outlookEvents());
      JsonObject latency = new JsonObject().put("operation", "*").put("kind", "latency").put("ms", latencyMs).put("count", -1);
      if (latencyMs > 0) {
        ex.fault(latency);
        sf.fault(latency.copy());
      }

      Pool pool = db.pool(vertx, com.exchangesync.worker.store.Database.POOL_SIZE);
      Blocking.await(Migrations.worker().migrate(pool));
      MailboxConnectors connectors = BenchWorker.ews();
      SyncCycle cycle = BenchWorker.cycle(adapter, connectors, pool);
      LogCount log = LogCount.toFile("exsync-fleet-worker-");
      try (WorkerHeartbeat heartbeat = new WorkerHeartbeat(new MailboxLeases(pool), new WorkerPresence(pool), BenchWorker.WORKER_ID,
          BenchWorker.LEASE); FleetPush push = new FleetPush(pool)) {
        System.out.printf(Locale.ROOT, "%n%d ms latency per SOAP and EWS call; %d mailboxes at a time (EXSYNC_PARALLEL_MAILBOXES'"
            + " default); the test beds in process %d; the worker's log in %s%n%n", latencyMs,
            WorkerConfig.DEFAULT_PARALLEL_MAILBOXES, beds.pid(), log.file());
        FleetCycle.printHeader();
        WorkerMeter.resetHeapPeak();
        FleetCycle.run(String.format(Locale.ROOT, "initial, first %,d", org.firstWave), cycle, sf, ex, beds, log);
        long poll = PushSettings.DEFAULT_POLL_INTERVAL.toSeconds();
        sf.advanceClock(poll);
        FleetCycle.run(String.format(Locale.ROOT, "echoes, %,d", org.firstWave), cycle, sf, ex, beds, log);
        sf.advanceClock(poll);
        FleetCycle smallQuiet = FleetCycle.run(String.format(Locale.ROOT, "quiet, %,d", org.firstWave), cycle, sf, ex, beds, log);
        double heapSmall = WorkerMeter.heapRetainedMb();
        HeapHistogram histSmall = HeapHistogram.take();

        org.admitSecondWave(sf);
        FleetCycle initial = FleetCycle.run(String.format(Locale.ROOT, "initial, %,d more", mailboxes - org.firstWave), cycle, sf,
            ex, beds, log);
        sf.advanceClock(poll);
        FleetCycle echoes = FleetCycle.run("echoes of the initial", cycle, sf, ex, beds, log);
        sf.advanceClock(poll);
        FleetCycle quiet = FleetCycle.run("quiet", cycle, sf, ex, beds, log);
        int changes = plan.changeBusy(sf, ex, 1, today);
        sf.advanceClock(poll);
        FleetCycle busy1 = FleetCycle.run(String.format(Locale.ROOT, "busy changed (%,d)", changes), cycle, sf, ex, beds, log);
        double heapPeak = WorkerMeter.heapPeakMb();
        double heapLarge = WorkerMeter.heapRetainedMb();
        HeapHistogram histLarge = HeapHistogram.take();

        // Push: subscribe every mailbox, then watch the listener's upkeep.
        String orgId = adapter.organizationId();
        SyncSetup setup = adapter.readSetup().orElseThrow();
        MailboxConnector connector = connectors.forSetup(setup, adapter.readServiceAccountPassword(setup.id())).connector()
            .orElseThrow();
        System.out.printf(Locale.ROOT, "%nPush: subscribing %,d mailboxes (EWS streaming, %d per connection) ...%n", mailboxes, 200);
        FleetPush.Subscribed subscribed = push.subscribe(orgId, connector, org.emails, ex, SUBSCRIBE_LIMIT);
        System.out.printf(Locale.ROOT, "%s after %.1f s; per mailbox: EWS %s%n", subscribed.healthy() ? "Healthy" : "NOT healthy",
            subscribed.seconds(), subscribed.calls().per(mailboxes));
        push.forgetNotified();
        changes = plan.changeBusy(sf, ex, 2, today);
        List<String> busyEmails = org.emails.stream().filter(e -> plan.busy(org.emails.indexOf(e))).toList();
        FleetPush.Upkeep upkeep = push.upkeep(ex, UPKEEP_WINDOW, STREAMING_TIME_SCALE);
        double upkeepPerMailboxHour = upkeep.perMailboxHour(mailboxes);
        System.out.printf(Locale.ROOT, "Upkeep over %d s (%.2f h of the streaming clock): EWS %s, %.4f per mailbox-hour; push"
                + " %s; %d of %d busy mailboxes notified of their %d Outlook changes%n", UPKEEP_WINDOW.toSeconds(),
            upkeep.streamingHours(), upkeep.calls(), upkeepPerMailboxHour, push.healthy() ? "healthy" : "NOT healthy",
            push.notifiedAmong(busyEmails), busyEmails.size(), changes / 2);
        double heapPush = WorkerMeter.heapRetainedMb();
        HeapHistogram histPush = HeapHistogram.take();

        // Figures.
        int added = mailboxes - org.firstWave;
        double bytesPerMailbox = (heapLarge - heapSmall) * 1048576.0 / added;
        double pushBytesPerMailbox = (heapPush - heapLarge) * 1048576.0 / mailboxes;
        double pushPoll = PushSettings.DEFAULT_POLL_INTERVAL.toSeconds();
        double plainPoll = WorkerConfig.DEFAULT_POLL_INTERVAL.toSeconds();
        double longestWait = Math.max(Math.max(echoes.seconds(), quiet.seconds()), busy1.seconds());
        double exchangeQuiet = quiet.exchangePerMailbox();
        double exchangeHour = exchangeQuiet * 3600 / pushPoll + upkeepPerMailboxHour;
        double sfOrgCycle = quiet.salesforce().total();
        double sfPerRep = (quiet.salesforce().total() - smallQuiet.salesforce().total()) / (double) added;
        double exPerRep = (quiet.exchange().total() - smallQuiet.exchange().total()) / (double) added;
        int busyCount = plan.busyCount();
        double busyExtraEws = busyCount == 0 ? 0 : (busy1.exchange().total() - quiet.exchange().total()) / (double) busyCount;
        double busyExtraSf = busyCount == 0 ? 0 : (busy1.salesforce().total() - quiet.salesforce().total()) / (double) busyCount;
        System.out.printf(Locale.ROOT, "%nThe worker's largest heap allowed (-Xmx): %.0f MB.", Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.printf(Locale.ROOT, "%nHeap of the worker after a full collection: %.1f MB with %,d mailboxes, %.1f MB with %,d"
                + " (%,.0f bytes per added mailbox), %.1f MB with every mailbox subscribed for push (%,.0f bytes per mailbox);"
                + " at most %.0f MB during the cycles.%n", heapSmall, org.firstWave, heapLarge, mailboxes, bytesPerMailbox, heapPush,
            pushBytesPerMailbox, heapPeak);
        System.out.printf(Locale.ROOT, "What grew from %,d to %,d mailboxes (live bytes and objects per added mailbox):%n",
            org.firstWave, mailboxes);
        for (HeapHistogram.Growth g : histLarge.grownSince(histSmall, 12)) {
          System.out.printf(Locale.ROOT, "  %-70s %10s %8.1f B %6.2f objects%n", HeapHistogram.readable(g.className()),
              HeapHistogram.kb(g.bytes()), g.bytes() / (double) added, g.instances() / (double) added);
        }
        System.out.printf(Locale.ROOT, "What push added for %,d mailboxes (per mailbox):%n", mailboxes);
        for (HeapHistogram.Growth g : histPush.grownSince(histLarge, 8)) {
          System.out.printf(Locale.ROOT, "  %-70s %10s %8.1f B %6.2f objects%n", HeapHistogram.readable(g.className()),
              HeapHistogram.kb(g.bytes()), g.bytes() / (double) mailboxes, g.instances() / (double) mailboxes);
        }
        System.out.printf(Locale.ROOT, "%nLongest wait to be checked: %.1f s (the longest cycle after the initial ones); poll interval"
                + " %.0f s with push healthy (%s), %.0f s without (%s).%n", longestWait, pushPoll,
            longestWait <= pushPoll ? "every mailbox checked within it" : "NOT every mailbox checked within it", plainPoll,
            longestWait <= plainPoll ? "within it too" : "not within it");
        System.out.printf(Locale.ROOT, "The scheduler counts the interval from a cycle's start, so one mailbox's checks are up to"
            + " %.0f s apart with push healthy (the longer of the interval and a cycle), %.0f s without.%n",
            Math.max(pushPoll, longestWait), Math.max(plainPoll, longestWait));
        System.out.printf(Locale.ROOT, "Quiet mailbox, Exchange: %.3f EWS calls a cycle x %.0f cycles an hour + push upkeep %.4f ="
                + " %.2f calls per mailbox-hour with push (%.1f without push, at a cycle every %.0f s); subscribing once: %.2f.%n",
            exchangeQuiet, 3600 / pushPoll, upkeepPerMailboxHour, exchangeHour, exchangeQuiet * 3600 / plainPoll, plainPoll,
            subscribed.calls().total() / (double) mailboxes);
        System.out.printf(Locale.ROOT, "Quiet org, Salesforce: %,.0f calls a cycle for the org (%.3f per rep added between %,d and"
                + " %,d reps, %.0f besides), %,.0f calls an hour with push (%,.0f without).%n", sfOrgCycle, sfPerRep, org.firstWave,
            mailboxes, sfOrgCycle - sfPerRep * mailboxes, sfOrgCycle * 3600 / pushPoll, sfOrgCycle * 3600 / plainPoll);
        System.out.printf(Locale.ROOT, "Busy mailbox (4 changes): %.1f EWS and %.1f Salesforce calls more than a quiet one.%n",
            busyExtraEws, busyExtraSf);
        System.out.printf(Locale.ROOT, "Initial sync of %,d mailboxes: %.1f s. Whole run %.0f s.%n", added, initial.seconds(),
            (System.nanoTime() - runStart) / 1e9);
        int failed = smallQuiet.failed() + initial.failed() + echoes.failed() + quiet.failed() + busy1.failed();
        BenchResult.named("FleetBenchmark").put("mailboxes", mailboxes).put("busy", busyCount).put("latency_ms", latencyMs)
            .put("cycle_s", quiet.seconds()).put("longest_wait_s", longestWait).put("within_poll", longestWait <= pushPoll ? 1 : 0)
            .put("check_gap_s", Math.max(pushPoll, longestWait))
            .put("poll_interval_s", pushPoll).put("initial_s", initial.seconds())
            .put("exchange_calls_per_mailbox_hour", exchangeHour).put("exchange_calls_per_mailbox_cycle", exchangeQuiet)
            .put("exchange_calls_per_rep_cycle", exPerRep).put("push_upkeep_calls_per_1000_mailbox_hours", upkeepPerMailboxHour * 1000)
            .put("push_subscribe_calls_per_mailbox", subscribed.calls().total() / (double) mailboxes)
            .put("push_healthy", subscribed.healthy() && push.healthy() ? 1 : 0)
            .put("salesforce_calls_per_org_hour", sfOrgCycle * 3600 / pushPoll)
            .put("salesforce_calls_per_mailbox_cycle", quiet.salesforcePerMailbox()).put("salesforce_calls_per_rep_cycle", sfPerRep)
            .put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0).put("heap_mb", heapPush).put("heap_mb_without_push", heapLarge).put("heap_bytes_per_mailbox", bytesPerMailbox)
            .put("push_heap_bytes_per_mailbox", pushBytesPerMailbox).put("heap_peak_mb", heapPeak)
            .put("log_lines_per_mailbox_cycle", quiet.logLines() / (double) Math.max(1, quiet.mailboxes()))
            .put("worker_cpu_ms_per_1000", quiet.cpu().workerMsPer1000(Math.max(1, quiet.mailboxes())))
            .put("testbed_cpu_ms_per_1000", quiet.cpu().testbedMsPer1000(Math.max(1, quiet.mailboxes())))
            .put("failed", failed).put("seed_s", seedSeconds).put("run_s", (System.nanoTime() - runStart) / 1e9).print();
      } finally {
        adapter.client().close();
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
