package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.logging.CapturedLogs;
import com.exchangesync.worker.sync.PassReport;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A quiet pass says nothing at INFO; a pass that wrote, a failure and the cycle's summary do. */
class CycleLogTest {

  private static RepOutcome synced(String email, int created) {
    PassReport report = new PassReport();
    report.count(created, 0, 0, 0, 0);
    return new RepOutcome(email, Optional.of(ItemKind.CONTACT), "synced", "", Optional.of(report));
  }

  @Test
  void quietPassesAreDebugOnly_writesAndFailuresAreInfo_andTheCycleHasOneLine() {
    ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(SyncCycle.class);
    Level was = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    try (CapturedLogs logs = CapturedLogs.of(SyncCycle.class.getName())) {
      List<RepOutcome> outcomes = List.of(synced("quiet@corp.example.com", 0), synced("busy@corp.example.com", 3),
          RepOutcome.ofRep("gone@corp.example.com", "failed", "The mailbox could not be found"));
      outcomes.forEach(CycleLog::outcome);
      CycleLog.summary("00D000000000001AAA", Wake.EVERYONE, outcomes, System.nanoTime());

      List<String> info = logs.events().stream().filter(e -> e.getLevel() == Level.INFO)
          .map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(info).noneMatch(m -> m.contains("quiet@corp.example.com"));
      assertThat(info).anyMatch(m -> m.contains("busy@corp.example.com"));
      assertThat(info).anyMatch(m -> m.contains("gone@corp.example.com") && m.contains("could not be found"));
      assertThat(info).anyMatch(m -> m.startsWith("Cycle of org 00D000000000001AAA for every rep: 2 pass(es) synced"
          + " (3 record(s) written), 1 failed, 0 skipped"));
      assertThat(logs.events()).anyMatch(e -> e.getLevel() == Level.DEBUG
          && e.getFormattedMessage().contains("quiet@corp.example.com"));
    } finally {
      logger.setLevel(was);
    }
  }
}
