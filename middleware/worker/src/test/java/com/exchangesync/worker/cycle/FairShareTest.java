package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.sync.MailboxKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FairShareTest {

  private static final List<MailboxKey> MAILBOXES = IntStream.range(0, 300)
      .mapToObj(i -> new MailboxKey("00D1", String.format("005%04d", i))).toList();

  @Test
  void theQuota_isTheMailboxesOverTheLiveWorkers_roundedUp() {
    assertThat(FairShare.quota(300, 3)).isEqualTo(100);
    assertThat(FairShare.quota(300, 2)).isEqualTo(150);
    assertThat(FairShare.quota(301, 3)).isEqualTo(101);
    assertThat(FairShare.quota(5, 2)).isEqualTo(3);
    assertThat(FairShare.quota(2, 3)).isEqualTo(1);
    assertThat(FairShare.quota(0, 3)).isZero();
    assertThat(FairShare.quota(300, 0)).as("a worker that has not yet counted itself still counts").isEqualTo(300);
  }

  @Test
  void aWorkerAlone_takesEveryMailbox() {
    FairShare.Decision d = FairShare.decide(MAILBOXES, List.of(), 1);
    assertThat(d.keep()).isEmpty();
    assertThat(d.release()).isEmpty();
    assertThat(d.take()).isEqualTo(300);
  }

  @Test
  void whenTwoMoreWorkersJoin_theOneHoldingAll_givesBackTwoThirds_theLastInOrder() {
    FairShare.Decision d = FairShare.decide(MAILBOXES, MAILBOXES, 3);
    assertThat(d.keep()).containsExactlyElementsOf(MAILBOXES.subList(0, 100));
    assertThat(d.release()).containsExactlyElementsOf(MAILBOXES.subList(100, 300));
    assertThat(d.take()).isZero();
  }

  @Test
  void whenAWorkerDies_eachSurvivorTakesHalfOfItsShare() {
    FairShare.Decision d = FairShare.decide(MAILBOXES, MAILBOXES.subList(0, 100), 2);
    assertThat(d.keep()).hasSize(100);
    assertThat(d.release()).isEmpty();
    assertThat(d.take()).isEqualTo(50);
  }

  @Test
  void aMailboxNoLongerServed_isGivenBack_andItsPlaceTaken() {
    MailboxKey gone = new MailboxKey("00D1", "005gone");
    List<MailboxKey> held = new ArrayList<>(MAILBOXES.subList(0, 99));
    held.add(gone);
    FairShare.Decision d = FairShare.decide(MAILBOXES, held, 3);
    assertThat(d.release()).containsExactly(gone);
    assertThat(d.keep()).hasSize(99);
    assertThat(d.take()).isEqualTo(1);
  }

  @Test
  void workersClaimingInTurn_coverEveryMailboxOnce_noneAboveTheQuota_andEvenWhenItDivides() {
    for (int workers = 1; workers <= 7; workers++) {
      for (int mailboxes : new int[] {0, 1, 2, 7, 100, 299, 300, 301}) {
        List<MailboxKey> wanted = MAILBOXES.subList(0, Math.min(mailboxes, 300));
        List<Set<MailboxKey>> held = new ArrayList<>();
        Set<MailboxKey> taken = new HashSet<>();
        for (int w = 0; w < workers; w++) {
          FairShare.Decision d = FairShare.decide(wanted, List.of(), workers);
          Set<MailboxKey> mine = new HashSet<>();
          for (MailboxKey key : wanted) {
            if (mine.size() < d.take() && taken.add(key)) {
              mine.add(key);
            }
          }
          held.add(mine);
        }
        assertThat(taken).as("%d mailboxes on %d workers: all covered", wanted.size(), workers)
            .containsExactlyInAnyOrderElementsOf(wanted);
        int quota = FairShare.quota(wanted.size(), workers);
        assertThat(held).as("%d mailboxes on %d workers: none above the quota", wanted.size(), workers)
            .allSatisfy(mine -> assertThat(mine.size()).isLessThanOrEqualTo(quota));
        if (wanted.size() % workers == 0) {
          int each = wanted.size() / workers;
          assertThat(held).as("%d mailboxes on %d workers: exactly even", wanted.size(), workers)
              .allSatisfy(mine -> assertThat(mine).hasSize(each));
        }
      }
    }
  }
}
