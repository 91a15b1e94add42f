package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.sync.PassReport;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The summary line of one rep and kind, as the demo and the logs print it. */
class RepOutcomeTest {

  static RepOutcome events(PassReport report) {
    return new RepOutcome("maria@demo.example.com", Optional.of(ItemKind.EVENT), "synced", "", Optional.of(report));
  }

  @Test
  void aPassThatWrote_saysWhatItCreatedUpdatedAndLeft_inWords_withoutTheZeroes() {
    PassReport report = new PassReport();
    report.count(1, 0, 8, 2, 1);
    report.countDropped(0, 1, 1);
    assertThat(events(report).toString()).isEqualTo(String.format("%-28s %-8s %-8s %s", "maria@demo.example.com", "events",
        "synced", "created 1 in Exchange, 8 in Salesforce; updated 2 in Salesforce; 1 matched; 1 skipped; "
            + "1 deleted (cancelled on the other side); 0 in sync"));
  }

  @Test
  void aPassThatWroteNothing_saysSo() {
    assertThat(events(new PassReport()).toString()).endsWith(" synced   nothing written; 0 in sync");
  }

  @Test
  void anOutcomeWithoutAPass_givesItsReason() {
    RepOutcome failed = new RepOutcome("tom@demo.example.com", Optional.of(ItemKind.CONTACT), "failed",
        "Exchange is unreachable", Optional.empty());
    assertThat(failed.toString()).contains(" contacts ").contains(" failed ").endsWith("Exchange is unreachable");
  }
}
