package com.exchangesync.worker.exchange.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** At most four requests in flight per mailbox; a mailbox nobody is reaching keeps nothing. */
class MailboxSlotsTest {

  private final MailboxSlots slots = new MailboxSlots();

  @Test
  void aMailboxsSlotsLastWhileSomeoneHoldsOrWaitsForThem_andNoLonger() throws Exception {
    slots.acquire("Ann@corp.example.com", 3);
    slots.acquire("bob@corp.example.com", 1);
    assertThat(slots.available("ann@corp.example.com")).as("the address in any case").isEqualTo(1);
    assertThat(slots.mailboxesInUse()).isEqualTo(2);

    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch got = new CountDownLatch(1);
    Thread batch = Thread.ofVirtual().start(() -> {
      try {
        waiting.countDown();
        slots.acquire("ann@corp.example.com", MailboxSlots.PER_MAILBOX);
        got.countDown();
        slots.release("ann@corp.example.com", MailboxSlots.PER_MAILBOX);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    waiting.await();
    assertThat(got.await(200, TimeUnit.MILLISECONDS)).as("a $batch waits for all four").isFalse();
    slots.release("ann@corp.example.com", 3);
    assertThat(got.await(5, TimeUnit.SECONDS)).isTrue();
    batch.join(5000);

    slots.release("bob@corp.example.com", 1);
    assertThat(slots.mailboxesInUse()).as("nobody holds or waits: nothing kept").isZero();
    assertThat(slots.available("ann@corp.example.com")).isEqualTo(MailboxSlots.PER_MAILBOX);
  }

  @Test
  void aWaitInterrupted_givesItsPlaceBack() throws Exception {
    slots.acquire("ann@corp.example.com", MailboxSlots.PER_MAILBOX);
    Thread waiter = Thread.ofVirtual().start(() -> {
      try {
        slots.acquire("ann@corp.example.com", 1);
      } catch (Exception e) {
        // interrupted, as the test means
      }
    });
    Thread.sleep(100);
    waiter.interrupt();
    waiter.join(5000);
    slots.release("ann@corp.example.com", MailboxSlots.PER_MAILBOX);
    assertThat(slots.mailboxesInUse()).isZero();
  }
}
