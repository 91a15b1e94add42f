package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.logging.CapturedLogs;
import com.exchangesync.worker.logging.LogContext;
import com.exchangesync.worker.salesforce.SalesforceId;
import com.exchangesync.worker.store.Blocking;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A whole cycle records how each served mailbox fared ({@code mailbox_sync}) and logs every line about a rep
 * with the org, the rep and the kind.
 */
class MailboxSyncCycleIT extends CycleTestBase {

  private static final Map<String, String> EMAILS = Map.of("ann@corp.example.com", ANN, "bob@corp.example.com", BOB,
      "dee@elsewhere.example.com", DEE);

  @Test
  void aCycleRecordsEachServedMailbox_andEveryLineAboutARepCarriesItsOrgRepAndKind() throws Exception {
    // Bob's mailbox cannot be opened: the service account may impersonate Ann only.
    ex.sim.serviceAccount(ExchangeTestbedFixture.SERVICE, ExchangeTestbedFixture.PASSWORD, List.of("ann@corp.example.com"));
    contact(ANN, "Carl", "Client", "carl@client.example.com");
    String org = adapter.organizationId();

    List<ILoggingEvent> events;
    // A pass that wrote nothing (Ann's events) is logged at DEBUG (cycle/CycleLog): its context is checked too.
    ch.qos.logback.classic.Logger cycleLog = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(SyncCycle.class);
    Level was = cycleLog.getLevel();
    cycleLog.setLevel(Level.DEBUG);
    try (CapturedLogs logs = CapturedLogs.of("com.exchangesync.worker")) {
      cycle.run();
      events = logs.events();
    } finally {
      cycleLog.setLevel(was);
    }

    List<String> rows = new ArrayList<>();
    for (Row r : Blocking.await(pool.query("SELECT email, kind, last_success IS NOT NULL AS synced, last_error"
        + " FROM mailbox_sync ORDER BY email, kind").execute())) {
      rows.add(r.getString("email") + " " + r.getString("kind") + " " + (r.getBoolean("synced") ? "synced" : "not synced")
          + (r.getString("last_error") == null ? "" : " failing"));
    }
    // Dee's domain is not served: not a served mailbox.
    assertThat(rows).containsExactly("ann@corp.example.com CONTACT synced", "ann@corp.example.com EVENT synced",
        "bob@corp.example.com CONTACT not synced failing", "bob@corp.example.com EVENT not synced failing");

    List<ILoggingEvent> aboutReps = events.stream().filter(e -> EMAILS.keySet().stream()
        .anyMatch(email -> e.getFormattedMessage().contains(email))).toList();
    assertThat(aboutReps).hasSizeGreaterThanOrEqualTo(4);
    for (ILoggingEvent e : aboutReps) {
      Map<String, String> mdc = e.getMDCPropertyMap();
      String email = mdc.get(LogContext.EMAIL);
      assertThat(email).as("the rep of: %s", e.getFormattedMessage()).isNotNull();
      assertThat(e.getFormattedMessage()).contains(email);
      assertThat(mdc.get(LogContext.ORG)).isEqualTo(org);
      assertThat(mdc.get(LogContext.REP)).isEqualTo(SalesforceId.canonical(EMAILS.get(email)).orElseThrow());
      assertThat(mdc.get(LogContext.KIND)).as("the kind of: %s", e.getFormattedMessage()).isNotBlank();
      assertThat(CapturedLogs.asTheWorkerPrints(e)).contains("[org=" + org + " rep=" + mdc.get(LogContext.REP)
          + " <" + email + "> kind=" + mdc.get(LogContext.KIND) + "] ");
    }
    // Each kind's outcome is logged under its kind; a failure with its stack trace, under the kinds it stopped.
    assertThat(aboutReps).anySatisfy(e -> {
      assertThat(e.getMDCPropertyMap()).containsEntry(LogContext.EMAIL, "ann@corp.example.com")
          .containsEntry(LogContext.KIND, "contacts");
      assertThat(e.getFormattedMessage()).contains("synced");
    });
    assertThat(aboutReps).anySatisfy(e -> assertThat(e.getMDCPropertyMap())
        .containsEntry(LogContext.EMAIL, "ann@corp.example.com").containsEntry(LogContext.KIND, "events"));
    assertThat(aboutReps).anySatisfy(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.WARN);
      assertThat(e.getMDCPropertyMap()).containsEntry(LogContext.EMAIL, "bob@corp.example.com")
          .containsEntry(LogContext.KIND, "contacts,events");
      assertThat(e.getThrowableProxy()).isNotNull();
      assertThat(e.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
    });
    // Every line of the cycle carries the org; none carries the service account's password.
    assertThat(events.stream().filter(e -> e.getThreadName().equals(Thread.currentThread().getName())))
        .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry(LogContext.ORG, org));
    assertThat(events).noneSatisfy(e -> assertThat(CapturedLogs.asTheWorkerPrints(e)).contains(ExchangeTestbedFixture.PASSWORD));
  }
}
