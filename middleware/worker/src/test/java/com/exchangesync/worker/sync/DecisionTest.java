package com.exchangesync.worker.sync;

import static com.exchangesync.worker.sync.Decision.Action.LEAVE;
import static com.exchangesync.worker.sync.Decision.Action.MATCH;
import static com.exchangesync.worker.sync.Decision.Action.MATCH_OR_CREATE_IN_EXCHANGE;
import static com.exchangesync.worker.sync.Decision.Action.MATCH_OR_CREATE_IN_SALESFORCE;
import static com.exchangesync.worker.sync.Decision.Action.MERGE;
import static com.exchangesync.worker.sync.Decision.Action.NOTHING;
import static com.exchangesync.worker.sync.Decision.Action.UNLINK;
import static com.exchangesync.worker.sync.Decision.State.ABSENT;
import static com.exchangesync.worker.sync.Decision.State.BURIED;
import static com.exchangesync.worker.sync.Decision.State.CHANGED;
import static com.exchangesync.worker.sync.Decision.State.GONE;
import static com.exchangesync.worker.sync.Decision.State.SKIPPED;
import static com.exchangesync.worker.sync.Decision.State.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The record-level decision, row by row. */
class DecisionTest {

  @Test
  void dontSync_doesNothingWhatever() {
    for (Decision.State sf : Decision.State.values()) {
      for (Decision.State ex : Decision.State.values()) {
        assertThat(Decision.decide(sf, ex, true, Direction.NONE)).isEqualTo(NOTHING);
      }
    }
  }

  @Test
  void aLinkedPair_unlinksOnADelete_leavesWhatTheRulesKeepOut_andMergesChanges() {
    for (Direction d : new Direction[] {Direction.BOTH, Direction.SALESFORCE_TO_EXCHANGE, Direction.EXCHANGE_TO_SALESFORCE}) {
      assertThat(Decision.decide(GONE, UNCHANGED, true, d)).as("deleted in Salesforce").isEqualTo(UNLINK);
      assertThat(Decision.decide(CHANGED, GONE, true, d)).as("deleted in Exchange").isEqualTo(UNLINK);
      assertThat(Decision.decide(GONE, GONE, true, d)).as("deleted on both").isEqualTo(UNLINK);
      assertThat(Decision.decide(SKIPPED, CHANGED, true, d)).as("made private in Salesforce").isEqualTo(LEAVE);
      assertThat(Decision.decide(CHANGED, SKIPPED, true, d)).as("made private in Exchange").isEqualTo(LEAVE);
      assertThat(Decision.decide(CHANGED, UNCHANGED, true, d)).isEqualTo(MERGE);
      assertThat(Decision.decide(UNCHANGED, CHANGED, true, d)).isEqualTo(MERGE);
      assertThat(Decision.decide(CHANGED, CHANGED, true, d)).isEqualTo(MERGE);
      assertThat(Decision.decide(UNCHANGED, UNCHANGED, true, d)).isEqualTo(NOTHING);
    }
  }

  @Test
  void anUnlinkedSalesforceRecord_goesToExchangeOnlyWhereTheDirectionCarriesIt() {
    assertThat(Decision.decide(CHANGED, ABSENT, false, Direction.BOTH)).isEqualTo(MATCH_OR_CREATE_IN_EXCHANGE);
    assertThat(Decision.decide(CHANGED, ABSENT, false, Direction.SALESFORCE_TO_EXCHANGE)).isEqualTo(MATCH_OR_CREATE_IN_EXCHANGE);
    assertThat(Decision.decide(CHANGED, ABSENT, false, Direction.EXCHANGE_TO_SALESFORCE)).as("an Exchange item may still find it")
        .isEqualTo(NOTHING);
    assertThat(Decision.decide(BURIED, ABSENT, false, Direction.BOTH)).as("its partner was deleted; not edited since")
        .isEqualTo(NOTHING);
    assertThat(Decision.decide(SKIPPED, ABSENT, false, Direction.BOTH)).isEqualTo(NOTHING);
  }

  @Test
  void anUnlinkedExchangeItem_looksForItsPartnerEvenWhenItMayNotCreateOne() {
    assertThat(Decision.decide(ABSENT, CHANGED, false, Direction.BOTH)).isEqualTo(MATCH_OR_CREATE_IN_SALESFORCE);
    assertThat(Decision.decide(ABSENT, CHANGED, false, Direction.EXCHANGE_TO_SALESFORCE)).isEqualTo(MATCH_OR_CREATE_IN_SALESFORCE);
    assertThat(Decision.decide(ABSENT, CHANGED, false, Direction.SALESFORCE_TO_EXCHANGE)).isEqualTo(MATCH);
    assertThat(Decision.decide(ABSENT, BURIED, false, Direction.BOTH)).isEqualTo(NOTHING);
    assertThat(Decision.decide(ABSENT, SKIPPED, false, Direction.BOTH)).isEqualTo(NOTHING);
  }

  @Test
  void anUnlinkedRecordOnBothSidesIsNotASituation() {
    assertThatThrownBy(() -> Decision.decide(CHANGED, CHANGED, false, Direction.BOTH)).isInstanceOf(IllegalArgumentException.class);
  }
}
