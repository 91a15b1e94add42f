package com.exchangesync.worker.cycle;

import com.exchangesync.worker.logging.LogContext;
import com.exchangesync.worker.sync.PassReport;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a cycle logs: each rep's outcome that says something (a pass that wrote or failed, a rep skipped), at INFO
 * under the rep's and kind's context, and one line for the whole cycle. A quiet pass is logged at DEBUG only: at
 * ten thousand mailboxes, two INFO lines per quiet mailbox and cycle would be megabytes an hour saying nothing.
 */
final class CycleLog {

  private static final Logger LOG = LoggerFactory.getLogger(SyncCycle.class);

  private CycleLog() {}

  /** Logs {@code o} (inside the rep's context) at INFO, or at DEBUG when its pass was quiet. */
  static void outcome(RepOutcome o) {
    if (o.kind().isEmpty()) {
      LOG.info("{}", o);
      return;
    }
    try (LogContext.Scope kind = LogContext.kind(o.kind().get())) {
      if (quiet(o)) {
        LOG.debug("{}", o);
      } else {
        LOG.info("{}", o);
      }
    }
  }

  /** One line for a cycle: how many passes synced, wrote, failed or were skipped, and how long it took. */
  static void summary(String orgId, Wake wake, List<RepOutcome> outcomes, long startedNanos) {
    if (outcomes.isEmpty()) {
      return;
    }
    long synced = outcomes.stream().filter(o -> o.state().equals("synced")).count();
    long failed = outcomes.stream().filter(o -> o.state().equals("failed")).count();
    long skipped = outcomes.stream().filter(o -> o.state().equals("skipped")).count();
    int written = outcomes.stream().flatMap(o -> o.report().stream()).mapToInt(PassReport::writes).sum();
    LOG.info("Cycle of org {} for {}: {} pass(es) synced ({} record(s) written), {} failed, {} skipped, in {} ms", orgId,
        wake, synced, written, failed, skipped, (System.nanoTime() - startedNanos) / 1_000_000);
  }

  /** A pass that synced and wrote nothing, with no record error. */
  private static boolean quiet(RepOutcome o) {
    return o.state().equals("synced") && o.report().map(r -> r.writes() == 0 && r.errors().isEmpty()).orElse(false);
  }
}
