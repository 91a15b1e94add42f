package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.salesforce.SalesforceId;
import com.exchangesync.worker.store.Blocking;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A change wakes the reps it concerns, not every rep: an Outbound Message names the record's owner and the reps
 * holding a link to it, a push notification the mailbox ({@link QueuedWorkTables}); the cycle for those reps
 * syncs them alone ({@link SyncCycle#run(Wake)}), and the next cycle for every rep still syncs the others.
 */
class TargetedCycleIT extends CycleTestBase {

  private static final String ANN_ID = SalesforceId.canonical(ANN).orElseThrow();
  private static final String BOB_ID = SalesforceId.canonical(BOB).orElseThrow();

  @Test
  void aCycleForOneRep_syncsThatRep_andLeavesTheOthersToTheNextCycleForEveryRep() throws Exception {
    Wake ann = Wake.of(Set.of(ANN_ID), Set.of(), Set.of("Contact"));
    List<RepOutcome> first = cycle.run(ann);
    assertThat(first).as("before any cycle for every rep has read the org, a wake syncs every rep")
        .extracting(RepOutcome::email).contains("ann@corp.example.com", "bob@corp.example.com");

    contact(ANN, "Ann's", "Customer", "customer@ann.example.com");
    contact(BOB, "Bob's", "Customer", "customer@bob.example.com");
    long queriesBefore = sf.calls("query");
    List<RepOutcome> forAnn = cycle.run(ann);

    assertThat(forAnn).extracting(RepOutcome::email).containsOnly("ann@corp.example.com");
    assertThat(forAnn).filteredOn(o -> o.concerns(ItemKind.CONTACT)).extracting(RepOutcome::state).containsExactly("synced");
    assertThat(ex.sim.contacts(ExchangeTestbedFixture.ANN, "Salesforce_Sync")).hasSize(1);
    assertThat(ex.sim.contacts(ExchangeTestbedFixture.BOB, "Salesforce_Sync")).as("Bob's change waits").isEmpty();
    assertThat(sf.calls("query") - queriesBefore)
        .as("the org's setup, mappings and members are not read again; Ann's status and feeds are").isLessThanOrEqualTo(6);

    cycle.run();
    assertThat(ex.sim.contacts(ExchangeTestbedFixture.BOB, "Salesforce_Sync")).as("the cycle for every rep").hasSize(1);
  }

  @Test
  void aWakeThatNamesNoRepOfTheOrg_syncsNobody() throws Exception {
    cycle.run();
    assertThat(cycle.run(Wake.of(Set.of("005000000000099AAA"), Set.of("someone@elsewhere.example.com"), Set.of())))
        .isEmpty();
  }

  @Test
  void anOutboundMessage_namesTheOwner_andTheRepsHoldingALinkToTheRecord() {
    QueuedWorkTables queue = new QueuedWorkTables(pool);
    QueuedWork.Marks before = queue.latest();
    String contact = SalesforceId.canonical("0035g00000CONT1").orElseThrow();
    // Bob's mailbox still holds the contact from when it was his; Ann owns it now.
    Blocking.await(pool.preparedQuery("INSERT INTO sync_link (org_id, user_id, kind, salesforce_id, exchange_id, base)"
        + " VALUES ($1, $2, 'CONTACT', $3, 'AAMkBob1', '{}'::jsonb)").execute(Tuple.of(orgId(), BOB_ID, contact)));
    request(contact, ANN);

    Wake wake = queue.between(before, queue.latest());
    assertThat(wake.everyone()).isFalse();
    assertThat(wake.userIds()).containsExactlyInAnyOrder(ANN_ID, BOB_ID);
    assertThat(wake.objects()).containsExactly("Contact");
  }

  @Test
  void aMessageWithoutOwner_anAdminsChange_orAFlood_wakeEveryone() {
    QueuedWorkTables queue = new QueuedWorkTables(pool);
    QueuedWork.Marks start = queue.latest();
    request(SalesforceId.canonical("0035g00000CONT2").orElseThrow(), null);
    QueuedWork.Marks afterOwnerless = queue.latest();
    assertThat(queue.between(start, afterOwnerless)).isEqualTo(Wake.EVERYONE);

    Blocking.await(pool.preparedQuery("INSERT INTO config_change (org_id, kind, record_id, notification_id)"
        + " VALUES ($1, 'member', null, 'n-config')").execute(Tuple.of(orgId())));
    QueuedWork.Marks afterAdmin = queue.latest();
    assertThat(queue.between(afterOwnerless, afterAdmin)).isEqualTo(Wake.EVERYONE);

    for (int i = 0; i <= QueuedWorkTables.MOST; i++) {
      request(SalesforceId.canonical(String.format("0035g0000%06d", i)).orElseThrow(), ANN);
    }
    assertThat(queue.between(afterAdmin, queue.latest())).as("more rows than are worth naming").isEqualTo(Wake.EVERYONE);
  }

  @Test
  void aPushNotification_namesTheMailbox() {
    QueuedWorkTables queue = new QueuedWorkTables(pool);
    QueuedWork.Marks before = queue.latest();
    Blocking.await(pool.preparedQuery("INSERT INTO mailbox_change (org_id, email, kind, source) VALUES ($1, $2, 'EVENT', 'ews')")
        .execute(Tuple.of(orgId(), "bob@corp.example.com")));

    Wake wake = queue.between(before, queue.latest());
    assertThat(wake.emails()).containsExactly("bob@corp.example.com");
    assertThat(wake.userIds()).isEmpty();
  }

  private void request(String recordId, String owner) {
    Blocking.await(pool.preparedQuery("INSERT INTO sync_request (org_id, object_type, record_id, owner_id, notification_id)"
        + " VALUES ($1, 'Contact', $2, $3, $4)").execute(Tuple.of(orgId(), recordId, owner, "n-" + recordId)));
  }

  private String orgId() {
    try {
      return adapter.organizationId();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
