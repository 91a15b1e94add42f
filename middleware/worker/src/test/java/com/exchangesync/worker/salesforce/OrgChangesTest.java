package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The org's changes, read once per cycle and summarised by owner, tell which reps have nothing to read. */
class OrgChangesTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
  private static final String ANN = "005000000000001AAA";
  private static final String BOB = "005000000000002AAA";

  /** The org's records: owner and stamp. */
  private final List<Object[]> records = new ArrayList<>();
  private final List<Instant> reads = new ArrayList<>();
  private Instant serverNow = T;

  private final OrgChanges changes = new OrgChanges((after, most, each) -> {
    reads.add(after);
    int n = 0;
    for (Object[] r : records) {
      if (((Instant) r[1]).isAfter(after)) {
        if (++n > most) {
          return false;
        }
        each.accept((String) r[0], (Instant) r[1], r.length > 2);
      }
    }
    return true;
  }, () -> serverNow);

  /** The feed's answer as the rep's read uses it: the watermark to move on to when quiet. */
  private Optional<Instant> quiet(String owner, Instant from) throws Exception {
    return changes.ask(owner, from).filter(OrgChanges.Answer::quiet).map(OrgChanges.Answer::newest);
  }

  private void change(String owner, Instant stamp) {
    records.add(new Object[] {owner, stamp});
  }

  /** A record the worker created and nobody changed since. */
  private void echo(String owner, Instant stamp) {
    records.add(new Object[] {owner, stamp, "echo"});
  }

  @Test
  void aRepWhoseRecordsDidNotChange_isQuiet_andOneReadServesEveryRep() throws Exception {
    change(ANN, T.minusSeconds(30));
    Instant from = T.minus(Duration.ofMinutes(5));

    assertThat(quiet(ANN, from)).as("Ann's record changed").isEmpty();
    assertThat(quiet(BOB, from)).as("nothing of Bob's: his watermark may move on to the newest stamp read")
        .contains(T.minusSeconds(30));
    assertThat(quiet("005000000000002", from)).as("a 15-character id is the same user").isPresent();
    assertThat(reads).as("one read for both").containsExactly(from.minus(OrgChanges.SPAN));
  }

  @Test
  void eachCycleReadsOn_fromWhereTheFeedStood_soAChangeMadeSinceIsSeen() throws Exception {
    Instant from = T.minus(Duration.ofMinutes(5));
    assertThat(quiet(BOB, from)).isPresent();

    serverNow = T.plus(Duration.ofMinutes(15));
    change(BOB, T.plus(Duration.ofMinutes(10)));
    assertThat(quiet(BOB, from)).as("the same cycle does not read again").isPresent();
    changes.refresh();
    assertThat(quiet(BOB, from)).as("the next cycle sees it").isEmpty();
    assertThat(reads).hasSize(2);
    assertThat(reads.get(1)).as("on from the newest it knew, less the overlap for late commits")
        .isEqualTo(T.minus(OrgChanges.OVERLAP).minus(OrgChanges.OVERLAP));
  }

  @Test
  void aWatermarkOlderThanTheFeed_startsItAgainFromFurtherBack() throws Exception {
    change(ANN, T.minus(Duration.ofHours(2)));
    assertThat(quiet(ANN, T.minus(Duration.ofMinutes(5)))).isPresent();
    assertThat(quiet(ANN, T.minus(Duration.ofHours(3)))).as("the older watermark sees the change").isEmpty();
    assertThat(reads).hasSize(2);
  }

  @Test
  void aReadTooBigToSummarise_letsEveryRepReadItsOwn() throws Exception {
    for (int i = 0; i <= OrgChanges.MOST; i++) {
      change("005000000000003AAA", T.minusSeconds(60).plusMillis(i));
    }
    assertThat(quiet(BOB, T.minus(Duration.ofMinutes(5)))).isEqualTo(Optional.empty());
  }

  @Test
  void theWorkersOwnCreates_changeNoRep_butMoveTheFeedOn() throws Exception {
    Instant from = T.minus(Duration.ofMinutes(5));
    assertThat(quiet(ANN, from)).isPresent();
    echo(ANN, T.plusSeconds(40));
    serverNow = T.plus(Duration.ofMinutes(1));
    changes.refresh();
    assertThat(quiet(ANN, from)).as("only the worker's own creates: nothing for Ann to read").isPresent();

    change(BOB, T.plusSeconds(50));
    serverNow = T.plus(Duration.ofMinutes(4));
    changes.refresh();
    assertThat(quiet(ANN, from)).as("the echo was never a change of Ann's").isPresent();
    assertThat(quiet(BOB, from)).as("a change beside the echoes is seen").isEmpty();
    assertThat(reads.getLast()).as("the echo's stamp moved the feed on like any other")
        .isEqualTo(T.plusSeconds(40).minus(OrgChanges.OVERLAP));
  }
}
