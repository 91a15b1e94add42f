package com.exchangesync.worker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FolderMemoryTest {

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));

  @Test
  void foldersAreTrustedForAnHour_thenLookedUpAgain() {
    FolderMemory memory = new FolderMemory(clock);
    memory.looked("Ann@Corp.example.com", "contacts-1", "calendar-1");
    clock.advance(FolderMemory.RECHECK.minusSeconds(1));
    assertThat(memory.get("ann@corp.example.com")).as("the address in any case")
        .hasValueSatisfying(e -> assertThat(e.contacts()).isEqualTo("contacts-1"));
    clock.advance(Duration.ofSeconds(1));
    assertThat(memory.get("ann@corp.example.com")).as("an hour after the lookup").isEmpty();
    assertThat(memory.size()).as("the expired entry is dropped when asked for").isZero();
  }

  @Test
  void theOwnMarkIsKeptOnlyWithTheFolders_andEndsWithThem() {
    FolderMemory memory = new FolderMemory(clock);
    memory.ownMark("ann@corp.example.com", "00D000000000001AAA");
    assertThat(memory.get("ann@corp.example.com")).as("no folders, no mark").isEmpty();

    memory.looked("ann@corp.example.com", "contacts-1", null);
    memory.calendar("ann@corp.example.com", "calendar-1");
    memory.ownMark("ann@corp.example.com", "00D000000000001AAA");
    assertThat(memory.get("ann@corp.example.com").orElseThrow())
        .isEqualTo(new FolderMemory.Entry("contacts-1", "calendar-1", "00D000000000001AAA", clock.instant().getEpochSecond()));

    memory.forgetMark("ann@corp.example.com");
    assertThat(memory.get("ann@corp.example.com").orElseThrow().ownMark()).isNull();

    memory.ownMark("ann@corp.example.com", "00D000000000001AAA");
    memory.looked("ann@corp.example.com", "contacts-2", "calendar-1");
    assertThat(memory.get("ann@corp.example.com").orElseThrow().ownMark()).as("a new lookup reads the mark again").isNull();

    clock.advance(Duration.ofMinutes(59));
    memory.ownMark("ann@corp.example.com", "00D000000000001AAA");
    clock.advance(Duration.ofMinutes(1));
    assertThat(memory.get("ann@corp.example.com")).as("the mark ends with the folders' hour, not its own").isEmpty();
  }

  @Test
  void forgettingAMailboxLeavesTheOthers() {
    FolderMemory memory = new FolderMemory(clock);
    memory.looked("ann@corp.example.com", "a", "b");
    memory.looked("bob@corp.example.com", "c", "d");
    memory.forget("ANN@corp.example.com");
    assertThat(memory.get("ann@corp.example.com")).isEmpty();
    assertThat(memory.get("bob@corp.example.com")).isPresent();
  }

  @Test
  void atCapacity_expiredEntriesGoFirst_thenArbitraryOnesDownToNineTenths() {
    FolderMemory memory = new FolderMemory(clock, 100);
    for (int i = 0; i < 40; i++) {
      memory.looked("old" + i + "@corp.example.com", "c", "k");
    }
    clock.advance(FolderMemory.RECHECK);
    for (int i = 0; i < 60; i++) {
      memory.looked("new" + i + "@corp.example.com", "c", "k");
    }
    assertThat(memory.size()).isEqualTo(100);
    memory.looked("one-more@corp.example.com", "c", "k");
    assertThat(memory.size()).as("the 40 expired made room").isEqualTo(61);
    for (int i = 0; i < 60; i++) {
      assertThat(memory.get("new" + i + "@corp.example.com")).as("nothing current was dropped").isPresent();
    }

    for (int i = 0; i < 500; i++) {
      memory.looked("more" + i + "@corp.example.com", "c", "k");
      assertThat(memory.size()).isLessThanOrEqualTo(100);
    }
    assertThat(memory.get("more499@corp.example.com")).as("the newest is kept").isPresent();
  }

  @Test
  void reps_passesInParallel_eachFindTheirOwnEntry_andTheBoundHolds() throws Exception {
    FolderMemory memory = new FolderMemory(clock, 1_000);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> wrong = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        wrong.add(pool.submit(() -> {
          start.await();
          int mismatches = 0;
          for (int i = 0; i < 2_000; i++) {
            String smtp = "rep" + thread + "-" + i + "@corp.example.com";
            memory.looked(smtp, "contacts-" + smtp, "calendar-" + smtp);
            memory.ownMark(smtp, "org-" + thread);
            // Another thread may have made room by dropping this entry; one that is there is this rep's own.
            mismatches += memory.get(smtp).filter(e -> !e.contacts().equals("contacts-" + smtp)
                || !e.calendar().equals("calendar-" + smtp) || !("org-" + thread).equals(e.ownMark())).isPresent() ? 1 : 0;
          }
          return mismatches;
        }));
      }
      start.countDown();
      for (Future<Integer> f : wrong) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(memory.size()).as("at most one entry over the bound per racing thread").isLessThanOrEqualTo(1_000 + threads);
  }
}
