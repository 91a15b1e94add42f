package com.exchangesync.bench;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceRecord;
import com.exchangesync.worker.salesforce.WriteResult;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each mailbox of {@link FleetBenchmark} holds and does. Most are quiet: rep {@code r} owns {@code r % 4}
 * contacts in Salesforce, an event in Salesforce when {@code r % 3 == 0} and an event in Outlook when
 * {@code r % 10 == 0} (one and a half contacts and under half an event each, on average; a quarter own nothing).
 * One rep in {@code 100 / busyPercent} is busy: before each busy round it gets a new contact and a new event on
 * each side, made as a person makes them (the test beds' admin API), four changes in all.
 */
final class FleetPlan {

  private final BenchOrg org;
  private final int busyEvery;

  /** @param busyPercent the busy share of the mailboxes, 0 to 100 (rounded to one in a whole number of reps) */
  FleetPlan(BenchOrg org, int busyPercent) {
    if (busyPercent < 0 || busyPercent > 100) {
      throw new IllegalArgumentException("the busy share is a percentage, 0 to 100: " + busyPercent);
    }
    this.org = org;
    this.busyEvery = busyPercent == 0 ? 0 : 100 / busyPercent;
  }

  boolean busy(int rep) {
    return busyEvery > 0 && rep % busyEvery == busyEvery / 2;
  }

  int busyCount() {
    int n = 0;
    for (int r = 0; r < org.emails.size(); r++) {
      n += busy(r) ? 1 : 0;
    }
    return n;
  }

  /** Every rep's quiet records: Salesforce's in batches through the worker's adapter, Outlook's one by one. */
  Seeded seed(SalesforceAdapter salesforce, ExchangeSimClient exchange, LocalDate today) throws Exception {
    List<SalesforceRecord> records = new ArrayList<>();
    int outlook = 0;
    for (int r = 0; r < org.emails.size(); r++) {
      String email = org.emails.get(r);
      for (int i = 0; i < r % 4; i++) {
        records.add(SalesforceRecord.of("Contact", null, Map.of("FirstName", "Quiet" + i, "LastName", "Rep" + r,
            "Email", "q" + i + "." + email, "OwnerId", org.userIds.get(r))));
      }
      if (r % 3 == 0) {
        records.addAll(EventPlan.of(1).salesforce(org.userIds.get(r), "q" + r, today));
      }
      if (r % 10 == 0) {
        exchange.createEvent(email, outlookEvent("Outlook quiet " + r, today.plusDays(2 + r % 50), 9));
        outlook++;
      }
    }
    for (WriteResult w : salesforce.create(records)) {
      if (!w.success()) {
        throw new IllegalStateException("seeding Salesforce failed: " + w.errors());
      }
    }
    return new Seeded(records.size(), outlook);
  }

  /** What {@link #seed} made. */
  record Seeded(int salesforceRecords, int outlookEvents) {}

  /** Round {@code round}'s changes of the busy reps: a contact and an event made on each side. */
  int changeBusy(SalesforceSimClient salesforce, ExchangeSimClient exchange, int round, LocalDate today) {
    int changes = 0;
    for (int r = 0; r < org.emails.size(); r++) {
      if (!busy(r)) {
        continue;
      }
      String email = org.emails.get(r);
      String tag = "r" + r + "n" + round;
      ZonedDateTime start = today.plusDays(1 + round).atTime(11, 0).atZone(EventPlan.ZONE);
      salesforce.create("Contact", new JsonObject().put("FirstName", "Busy").put("LastName", "Sf " + tag)
          .put("Email", "busy.sf." + tag + "." + email).put("OwnerId", org.userIds.get(r)));
      salesforce.create("Event", new JsonObject().put("Subject", "Salesforce busy " + tag).put("OwnerId", org.userIds.get(r))
          .put("StartDateTime", start.toInstant().toString()).put("EndDateTime", start.plusMinutes(30).toInstant().toString()));
      exchange.createContact(email, "Salesforce_Sync", new JsonObject().put("givenName", "Busy").put("surname", "Out " + tag)
          .put("email", "busy.out." + tag + "." + email));
      exchange.createEvent(email, outlookEvent("Outlook busy " + tag, today.plusDays(1 + round), 14));
      changes += 4;
    }
    return changes;
  }

  private static JsonObject outlookEvent(String subject, LocalDate day, int hour) {
    ZonedDateTime start = day.atTime(hour, 0).atZone(EventPlan.ZONE);
    return new JsonObject().put("subject", subject).put("location", "Room 1")
        .put("start", start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .put("end", start.plusMinutes(45).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }
}
