package com.exchangesync.worker.sync.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.InMemoryMailboxes;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.salesforce.SyncConfiguration;
import com.exchangesync.worker.sync.InMemorySalesforce;
import com.exchangesync.worker.sync.InMemorySyncStateStore;
import com.exchangesync.worker.sync.MailboxKey;
import com.exchangesync.worker.sync.PassReport;
import com.exchangesync.worker.sync.RepContext;
import com.exchangesync.worker.sync.SyncPass;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events through the one engine, both sides in memory: the rules of the guide and what it could not do. */
class EventSyncPassTest {

  static final String REP = "005000000000001";
  static final String EMAIL = "ann@corp.example.com";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  final InMemoryMailboxes exchange = new InMemoryMailboxes().addMailbox(EMAIL);
  final InMemorySalesforce salesforce = InMemorySalesforce.events();
  final InMemorySyncStateStore store = new InMemorySyncStateStore();
  final InMemoryPeople people = new InMemoryPeople();
  final Clock clock = Clock.fixed(Instant.parse("2026-12-01T06:30:00Z"), ZoneOffset.UTC);
  String direction = "Both directions";
  String conflict = "Salesforce wins";
  boolean syncPrivate = false;

  RepContext context(String rep, String email) {
    SyncConfiguration config = new SyncConfiguration("a01A", "Sales", true, "", "Don't sync", null, null, "Selected Contacts",
        true, null, direction, conflict, syncPrivate, "TODAY", null);
    return EventSettings.forRep(new MailboxKey("00D000000000001", rep), email, rep, BERLIN, config, List.of(), clock)
        .context().orElseThrow();
  }

  PassReport sync() throws Exception {
    return sync(REP, EMAIL);
  }

  PassReport sync(String rep, String email) throws Exception {
    RepContext context = context(rep, email);
    EventSalesforceSide side = new EventSalesforceSide(salesforce, people, ((EventRules) context.rules()).directory());
    try (Mailbox mailbox = exchange.open(email)) {
      return new SyncPass(mailbox, side, store, "worker-1", clock).run(context);
    }
  }

  List<ExchangeItem> items() {
    return exchange.items(EMAIL, ItemKind.EVENT);
  }

  static Map<ExchangeField, String> timed(String subject, String start, String end) {
    Map<ExchangeField, String> v = new HashMap<>();
    v.put(ExchangeField.SUBJECT, subject);
    v.put(ExchangeField.START, start);
    v.put(ExchangeField.END, end);
    v.put(ExchangeField.IS_ALL_DAY, "false");
    v.put(ExchangeField.START_TIME_ZONE, "Europe/Berlin");
    return v;
  }

  static Map<String, String> sfTimed(String subject, String start, String end) {
    Map<String, String> f = new HashMap<>();
    f.put("Subject", subject);
    f.put("StartDateTime", start);
    f.put("EndDateTime", end);
    f.put("IsAllDayEvent", "false");
    return f;
  }

  @Test
  void anOutlookMeetingReachesSalesforceAtTheSameInstants_andASecondSyncWritesNothing() throws Exception {
    exchange.rep(EMAIL).create(ItemKind.EVENT, timed("Pricing call", "2026-12-03T08:00:00Z", "2026-12-03T09:00:00Z"));
    PassReport first = sync();
    assertThat(first.salesforceCreated()).isEqualTo(1);
    assertThat(salesforce.snapshot().values()).singleElement().satisfies(e -> {
      assertThat(e).containsEntry("Subject", "Pricing call").containsEntry("IsAllDayEvent", "false");
      assertThat(Instant.parse(e.get("StartDateTime"))).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
      assertThat(e).containsEntry("DurationInMinutes", "60");
    });
    assertThat(sync().writes()).isZero();
  }

  @Test
  void anAllDayEventIsADateOnBothSides_madeInTheRepsTimeZone() throws Exception {
    Map<String, String> holiday = new HashMap<>();
    holiday.put("Subject", "Company holiday");
    holiday.put("IsAllDayEvent", "true");
    holiday.put("ActivityDate", "2026-12-24");
    holiday.put("DurationInMinutes", "1440");
    salesforce.person(REP).create(holiday);
    assertThat(sync().exchangeCreated()).isEqualTo(1);
    assertThat(items()).singleElement().satisfies(i -> assertThat(i.values())
        .containsEntry(ExchangeField.START, "2026-12-24").containsEntry(ExchangeField.END, "2026-12-25")
        .containsEntry(ExchangeField.IS_ALL_DAY, "true").containsEntry(ExchangeField.START_TIME_ZONE, "Europe/Berlin"));
    assertThat(sync().writes()).isZero();

    exchange.rep(EMAIL).edit(items().get(0).id(), Map.of(ExchangeField.START, "2026-12-24", ExchangeField.END, "2026-12-27"));
    sync();
    assertThat(salesforce.snapshot().values()).singleElement().satisfies(e -> assertThat(e)
        .containsEntry("ActivityDate", "2026-12-24").containsEntry("DurationInMinutes", Long.toString(3 * 1440)));
  }

  @Test
  void privateEvents_stayWhereTheyAre_unlessTheConfigurationSyncsThem() throws Exception {
    Map<ExchangeField, String> secret = timed("Doctor", "2026-12-04T08:00:00Z", "2026-12-04T09:00:00Z");
    secret.put(ExchangeField.SENSITIVITY, "Private");
    exchange.rep(EMAIL).create(ItemKind.EVENT, secret);
    Map<String, String> sfSecret = sfTimed("Interview", "2026-12-05T08:00:00Z", "2026-12-05T09:00:00Z");
    sfSecret.put("IsPrivate", "true");
    salesforce.person(REP).create(sfSecret);
    assertThat(sync().writes()).isZero();
    assertThat(salesforce.snapshot()).hasSize(1);
    assertThat(items()).hasSize(1);

    syncPrivate = true;
    PassReport report = sync();
    assertThat(report.salesforceCreated() + report.exchangeCreated()).isEqualTo(2);
    assertThat(salesforce.snapshot().values()).filteredOn(e -> "Doctor".equals(e.get("Subject"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("IsPrivate", "true"));
    assertThat(items()).filteredOn(i -> "Interview".equals(i.values().get(ExchangeField.SUBJECT))).singleElement()
        .satisfies(i -> assertThat(i.values()).containsEntry(ExchangeField.SENSITIVITY, "Private"));
  }

  @Test
  void aLinkedEventMadePrivate_isLeftAsItIsOnTheOtherSide() throws Exception {
    String id = exchange.rep(EMAIL).create(ItemKind.EVENT, timed("Lunch", "2026-12-04T11:00:00Z", "2026-12-04T12:00:00Z"));
    sync();
    Map<ExchangeField, String> change = new HashMap<>();
    change.put(ExchangeField.SENSITIVITY, "Private");
    change.put(ExchangeField.SUBJECT, "Lunch with my sister");
    exchange.rep(EMAIL).edit(id, change);
    assertThat(sync().writes()).isZero();
    assertThat(salesforce.snapshot().values()).singleElement().satisfies(e -> assertThat(e).containsEntry("Subject", "Lunch"));
  }

  @Test
  void eventsThatEndedBeforeTheFilter_doNotSync() throws Exception {
    exchange.rep(EMAIL).create(ItemKind.EVENT, timed("Last week", "2026-11-24T08:00:00Z", "2026-11-24T09:00:00Z"));
    salesforce.person(REP).create(sfTimed("Yesterday", "2026-11-30T08:00:00Z", "2026-11-30T09:00:00Z"));
    assertThat(sync().writes()).isZero();
  }

  @Test
  void showAsAndConflicts_followTheTranslationAndTheWinner() throws Exception {
    Map<ExchangeField, String> away = timed("Offsite", "2026-12-07T08:00:00Z", "2026-12-07T16:00:00Z");
    away.put(ExchangeField.SHOW_AS, "OOF");
    String id = exchange.rep(EMAIL).create(ItemKind.EVENT, away);
    sync();
    String sfId = salesforce.snapshot().keySet().iterator().next();
    assertThat(salesforce.snapshot().get(sfId)).containsEntry("ShowAs", "OutOfOffice");

    exchange.rep(EMAIL).edit(id, Map.of(ExchangeField.SUBJECT, "Offsite (Exchange)"));
    salesforce.person(REP).edit(sfId, Map.of("Subject", "Offsite (Salesforce)", "Location", "Lisbon"));
    sync();
    assertThat(items()).singleElement().satisfies(i -> assertThat(i.values())
        .containsEntry(ExchangeField.SUBJECT, "Offsite (Salesforce)").containsEntry(ExchangeField.LOCATION, "Lisbon"));
    assertThat(sync().writes()).isZero();
  }

  static String attendees(String... emails) {
    io.vertx.core.json.JsonArray a = new io.vertx.core.json.JsonArray();
    for (String e : emails) {
      a.add(new io.vertx.core.json.JsonObject().put("email", e).put("type", "Required"));
    }
    return a.encode();
  }

  @Test
  void attendeesSalesforceKnows_becomeInvitees_andOutsidersStayInExchangeOnly() throws Exception {
    people.add("0035g00000CUST1", "pat@customer.example.com", "Pat Customer");
    people.add("00Q5g00000LEAD1", "lee@prospect.example.com", "Lee Prospect");
    Map<ExchangeField, String> meeting = timed("Demo", "2026-12-08T09:00:00Z", "2026-12-08T10:00:00Z");
    meeting.put(ExchangeField.ATTENDEES, attendees("pat@customer.example.com", "someone@elsewhere.example.com"));
    String id = exchange.rep(EMAIL).create(ItemKind.EVENT, meeting);
    sync();
    String sfId = salesforce.snapshot().keySet().iterator().next();
    assertThat(people.inviteesOf(sfId)).containsExactly("pat@customer.example.com");
    assertThat(sync().writes()).as("the outsider is no difference").isZero();

    // A lead invited in Salesforce becomes an attendee; the outsider stays.
    people.invite(sfId, List.of(new Person("00Q5g00000LEAD1", "lee@prospect.example.com", "Lee Prospect")));
    salesforce.person(REP).edit(sfId, Map.of("Location", "Room 4"));
    sync();
    assertThat(Invitees.attendees(items().get(0).values().get(ExchangeField.ATTENDEES)).keySet())
        .containsExactlyInAnyOrder("pat@customer.example.com", "lee@prospect.example.com", "someone@elsewhere.example.com");

    // Removing an attendee in Outlook uninvites them.
    exchange.rep(EMAIL).edit(id, Map.of(ExchangeField.ATTENDEES, attendees("lee@prospect.example.com",
        "someone@elsewhere.example.com")));
    sync();
    assertThat(people.inviteesOf(sfId)).containsExactly("lee@prospect.example.com");
    assertThat(sync().writes()).isZero();
  }

  @Test
  void aMeetingInTwoRepsCalendars_isOneSalesforceEvent() throws Exception {
    String bob = "005000000000002";
    String bobMail = "bob@corp.example.com";
    exchange.addMailbox(bobMail);
    people.add(bob, bobMail, "Bob Rep");
    Map<ExchangeField, String> meeting = timed("Kick-off", "2026-12-09T09:00:00Z", "2026-12-09T10:00:00Z");
    meeting.put(ExchangeField.ATTENDEES, attendees(bobMail));
    meeting.put(ExchangeField.ICAL_UID, "040000008200E00074C5B7101A82E008000000001");
    exchange.rep(EMAIL).create(ItemKind.EVENT, meeting);
    exchange.rep(bobMail).create(ItemKind.EVENT, meeting);
    sync();
    PassReport bobs = sync(bob, bobMail);
    assertThat(bobs.salesforceCreated()).isZero();
    assertThat(bobs.skipped()).isEqualTo(1);
    assertThat(salesforce.snapshot()).hasSize(1);
    assertThat(people.inviteesOf(salesforce.snapshot().keySet().iterator().next())).containsExactly(bobMail);
  }
}
