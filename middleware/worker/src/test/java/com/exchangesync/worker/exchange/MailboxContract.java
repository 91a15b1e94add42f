package com.exchangesync.worker.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Mailbox} implementation must do, run against each: the
 * in-memory one ({@code InMemoryMailboxTest}) and EWS against the Exchange test
 * bed ({@code EwsMailboxIT}). Subclasses provide a connector whose mailbox
 * {@link #REP} exists, and the rep's own edits (as in Outlook). The calendar's
 * cases (series, occurrences, zones, attendees) are in {@link EventMailboxContract}.
 */
public abstract class MailboxContract extends EventMailboxContract {

  protected static Map<ExchangeField, String> contact(String given, String surname, String email) {
    return Map.of(ExchangeField.GIVEN_NAME, given, ExchangeField.SURNAME, surname, ExchangeField.EMAIL, email);
  }

  @Test
  void aFirstReadListsEveryItem_andASecondReadNothing() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      List<ItemResult> created = mailbox.create(ItemKind.CONTACT, List.of(
          new NewItem(ItemKind.CONTACT, contact("Ann", "Lee", "ann.lee@customer.example.com"), Optional.of("003A")),
          new NewItem(ItemKind.CONTACT, contact("Bo", "Ng", "bo@customer.example.com"), Optional.empty())));
      assertThat(created).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
      repCreates(ItemKind.CONTACT, contact("Cy", "Rep", "cy@customer.example.com"));

      ItemChanges first = drain(mailbox, ItemKind.CONTACT, Optional.empty());
      assertThat(first.changed()).hasSize(3);
      assertThat(first.deletedIds()).isEmpty();
      ExchangeItem ann = first.changed().stream().filter(i -> i.salesforceId().isPresent()).findFirst().orElseThrow();
      assertThat(ann.salesforceId()).contains("003A");
      assertThat(ann.value(ExchangeField.EMAIL)).contains("ann.lee@customer.example.com");
      assertThat(ann.id()).isEqualTo(created.get(0).id().orElseThrow());
      assertThat(ann.changeKey()).isEqualTo(created.get(0).changeKey().orElseThrow());

      ItemChanges second = mailbox.changes(ItemKind.CONTACT, Optional.of(first.syncToken()));
      assertThat(second.size()).isZero();
      assertThat(second.moreAvailable()).isFalse();
    }
  }

  @Test
  void nEditsByTheRep_comeBackAsExactlyNChanges() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        ids.add(repCreates(ItemKind.CONTACT, contact("P" + i, "Person", "p" + i + "@x.example.com")));
      }
      String token = drain(mailbox, ItemKind.CONTACT, Optional.empty()).syncToken();

      repEdits(ItemKind.CONTACT, ids.get(0), Map.of(ExchangeField.JOB_TITLE, "Buyer"));
      repEdits(ItemKind.CONTACT, ids.get(1), Map.of(ExchangeField.COMPANY_NAME, "Acme"));
      repEdits(ItemKind.CONTACT, ids.get(2), Map.of(ExchangeField.CITY, "Lyon"));
      repDeletes(ItemKind.CONTACT, ids.get(3));
      String added = repCreates(ItemKind.CONTACT, contact("New", "Person", "new@x.example.com"));

      ItemChanges changes = drain(mailbox, ItemKind.CONTACT, Optional.of(token));
      assertThat(changes.size()).isEqualTo(5);
      assertThat(changes.deletedIds()).containsExactly(ids.get(3));
      assertThat(changes.changed()).extracting(ExchangeItem::id).containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(2), added);
      assertThat(changes.changed()).filteredOn(i -> i.id().equals(ids.get(2))).singleElement()
          .satisfies(i -> assertThat(i.value(ExchangeField.CITY)).contains("Lyon"));
      assertThat(drain(mailbox, ItemKind.CONTACT, Optional.of(changes.syncToken())).size()).isZero();
    }
  }

  @Test
  void manyChangesArriveInPagesOf512() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      List<NewItem> items = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        items.add(new NewItem(ItemKind.CONTACT, contact("N" + i, "Many", "n" + i + "@x.example.com"), Optional.of("SF" + i)));
      }
      assertThat(mailbox.create(ItemKind.CONTACT, items)).hasSize(600).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
      ItemChanges first = mailbox.changes(ItemKind.CONTACT, Optional.empty());
      assertThat(first.changed()).hasSize(512);
      assertThat(first.moreAvailable()).isTrue();
      ItemChanges second = mailbox.changes(ItemKind.CONTACT, Optional.of(first.syncToken()));
      assertThat(second.changed()).hasSize(88);
      assertThat(second.moreAvailable()).isFalse();
    }
  }

  @Test
  void aMarkAlone_goesOnTheVersionNamed_isRefusedForAnEditedItem_andNotFoundForADeletedOne() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      List<ItemResult> made = mailbox.create(ItemKind.CONTACT, List.of(
          new NewItem(ItemKind.CONTACT, contact("Ann", "Lee", "a@x.example.com"), Optional.empty()),
          new NewItem(ItemKind.CONTACT, contact("Bo", "Ng", "b@x.example.com"), Optional.empty()),
          new NewItem(ItemKind.CONTACT, contact("Cy", "Ray", "c@x.example.com"), Optional.empty())));
      String ann = made.get(0).id().orElseThrow();
      String bo = made.get(1).id().orElseThrow();
      String cy = made.get(2).id().orElseThrow();
      repEdits(ItemKind.CONTACT, bo, Map.of(ExchangeField.JOB_TITLE, "Edited in Outlook"));
      repDeletes(ItemKind.CONTACT, cy);

      List<ItemResult> marked = mailbox.update(ItemKind.CONTACT, List.of(
          new ItemUpdate(ann, made.get(0).changeKey(), Map.of(), Optional.of("003A")),
          new ItemUpdate(bo, made.get(1).changeKey(), Map.of(), Optional.of("003B")),
          new ItemUpdate(cy, made.get(2).changeKey(), Map.of(), Optional.of("003C"))));
      assertThat(marked.get(0).succeeded()).isTrue();
      assertThat(marked.get(1).error()).contains(MailboxError.CONFLICT);
      assertThat(marked.get(2).error()).contains(MailboxError.ITEM_NOT_FOUND);
      ExchangeItem annNow = mailbox.get(ItemKind.CONTACT, List.of(ann)).get(0);
      assertThat(annNow.salesforceId()).contains("003A");
      assertThat(annNow.changeKey()).isEqualTo(marked.get(0).changeKey().orElseThrow());
      assertThat(mailbox.get(ItemKind.CONTACT, List.of(bo)).get(0).salesforceId()).isEmpty();
    }
  }

  @Test
  void aMarkAlone_onEvents_goesOnTheVersionNamed_isRefusedForAnEditedOne_andNotFoundForADeletedOne() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      List<ItemResult> made = mailbox.create(ItemKind.EVENT, List.of(
          new NewItem(ItemKind.EVENT, event("Review", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z"), Optional.empty()),
          new NewItem(ItemKind.EVENT, series("Standup", MONDAYS), Optional.empty()),
          new NewItem(ItemKind.EVENT, event("Lunch", "2026-03-04T11:00:00Z", "2026-03-04T12:00:00Z"), Optional.empty()),
          new NewItem(ItemKind.EVENT, event("Call", "2026-03-05T11:00:00Z", "2026-03-05T12:00:00Z"), Optional.empty())));
      String review = made.get(0).id().orElseThrow();
      String standup = made.get(1).id().orElseThrow();
      String lunch = made.get(2).id().orElseThrow();
      String call = made.get(3).id().orElseThrow();
      repEdits(ItemKind.EVENT, lunch, Map.of(ExchangeField.LOCATION, "Moved to the canteen"));
      repDeletes(ItemKind.EVENT, call);

      List<ItemResult> marked = mailbox.update(ItemKind.EVENT, List.of(
          new ItemUpdate(review, made.get(0).changeKey(), Map.of(), Optional.of("00UA")),
          new ItemUpdate(standup, made.get(1).changeKey(), Map.of(), Optional.of("00UB")),
          new ItemUpdate(lunch, made.get(2).changeKey(), Map.of(), Optional.of("00UC")),
          new ItemUpdate(call, made.get(3).changeKey(), Map.of(), Optional.of("00UD"))));
      assertThat(marked.get(0).succeeded()).isTrue();
      assertThat(marked.get(1).succeeded()).as("a series' master").isTrue();
      assertThat(marked.get(2).error()).contains(MailboxError.CONFLICT);
      assertThat(marked.get(3).error()).contains(MailboxError.ITEM_NOT_FOUND);
      List<ExchangeItem> now = mailbox.get(ItemKind.EVENT, List.of(review, standup, lunch));
      assertThat(now).extracting(i -> i.salesforceId().orElse("none")).containsExactly("00UA", "00UB", "none");
      assertThat(now.get(0).changeKey()).isEqualTo(marked.get(0).changeKey().orElseThrow());
      assertThat(now.get(1).value(ExchangeField.RECURRENCE)).as("the mark alone changed nothing else").isPresent();
      assertThat(now.get(2).value(ExchangeField.LOCATION)).contains("Moved to the canteen");
      assertNoMeetingMessageSent();
    }
  }

  @Test
  void anUpdateWithAStaleChangeKeyIsRefused_andOneWithoutOverwrites() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      ItemResult made = mailbox.create(ItemKind.CONTACT,
          List.of(new NewItem(ItemKind.CONTACT, contact("Ann", "Lee", "a@x.example.com"), Optional.empty()))).get(0);
      String id = made.id().orElseThrow();
      repEdits(ItemKind.CONTACT, id, Map.of(ExchangeField.JOB_TITLE, "Edited in Outlook"));

      ItemResult stale = mailbox.update(ItemKind.CONTACT, List.of(new ItemUpdate(id, made.changeKey(),
          Map.of(ExchangeField.JOB_TITLE, "From Salesforce"), Optional.empty()))).get(0);
      assertThat(stale.error()).contains(MailboxError.CONFLICT);
      assertThat(mailbox.get(ItemKind.CONTACT, List.of(id)).get(0).value(ExchangeField.JOB_TITLE)).contains("Edited in Outlook");

      ItemResult forced = mailbox.update(ItemKind.CONTACT, List.of(new ItemUpdate(id, Optional.empty(),
          Map.of(ExchangeField.JOB_TITLE, "From Salesforce"), Optional.of("003B")))).get(0);
      assertThat(forced.succeeded()).isTrue();
      ExchangeItem now = mailbox.get(ItemKind.CONTACT, List.of(id)).get(0);
      assertThat(now.value(ExchangeField.JOB_TITLE)).contains("From Salesforce");
      assertThat(now.salesforceId()).contains("003B");
      assertThat(now.changeKey()).isEqualTo(forced.changeKey().orElseThrow());
    }
  }

  @Test
  void aNullValueClearsAField_andOthersStay() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      Map<ExchangeField, String> values = new HashMap<>(contact("Ann", "Lee", "a@x.example.com"));
      values.put(ExchangeField.JOB_TITLE, "Buyer");
      values.put(ExchangeField.MOBILE_PHONE, "+1 415 555 0101");
      values.put(ExchangeField.CITY, "Paris");
      String id = mailbox.create(ItemKind.CONTACT, List.of(new NewItem(ItemKind.CONTACT, values, Optional.empty())))
          .get(0).id().orElseThrow();
      Map<ExchangeField, String> clear = new HashMap<>();
      clear.put(ExchangeField.JOB_TITLE, null);
      clear.put(ExchangeField.MOBILE_PHONE, null);
      clear.put(ExchangeField.CITY, null);
      assertThat(mailbox.update(ItemKind.CONTACT, List.of(new ItemUpdate(id, Optional.empty(), clear, Optional.empty())))
          .get(0).succeeded()).isTrue();
      ExchangeItem read = mailbox.get(ItemKind.CONTACT, List.of(id)).get(0);
      assertThat(read.value(ExchangeField.JOB_TITLE)).isEmpty();
      assertThat(read.value(ExchangeField.MOBILE_PHONE)).isEmpty();
      assertThat(read.value(ExchangeField.CITY)).isEmpty();
      assertThat(read.value(ExchangeField.SURNAME)).contains("Lee");
    }
  }

  @Test
  void deletesAreReported_andDeletingWhatIsGoneSucceeds() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      String id = mailbox.create(ItemKind.CONTACT,
          List.of(new NewItem(ItemKind.CONTACT, contact("Del", "Me", "d@x.example.com"), Optional.empty()))).get(0).id().orElseThrow();
      String token = drain(mailbox, ItemKind.CONTACT, Optional.empty()).syncToken();
      assertThat(mailbox.delete(ItemKind.CONTACT, List.of(id))).singleElement().satisfies(r -> assertThat(r.succeeded()).isTrue());
      assertThat(mailbox.delete(ItemKind.CONTACT, List.of(id))).singleElement().satisfies(r -> assertThat(r.succeeded()).isTrue());
      assertThat(mailbox.get(ItemKind.CONTACT, List.of(id))).isEmpty();
      assertThat(drain(mailbox, ItemKind.CONTACT, Optional.of(token)).deletedIds()).containsExactly(id);
      ItemResult missing = mailbox.update(ItemKind.CONTACT, List.of(new ItemUpdate(id, Optional.empty(),
          Map.of(ExchangeField.JOB_TITLE, "x"), Optional.empty()))).get(0);
      assertThat(missing.error()).contains(MailboxError.ITEM_NOT_FOUND);
    }
  }

  @Test
  void itemsAreFoundByTheSalesforceIdTheyCarry() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      List<NewItem> items = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        items.add(new NewItem(ItemKind.CONTACT, contact("F" + i, "Find", "f" + i + "@x.example.com"), Optional.of("003F" + i)));
      }
      mailbox.create(ItemKind.CONTACT, items);
      repCreates(ItemKind.CONTACT, contact("No", "Link", "nolink@x.example.com"));
      List<String> wanted = new ArrayList<>();
      for (int i = 0; i < 60; i += 2) {
        wanted.add("003F" + i);
      }
      wanted.add("003NOTTHERE");
      Map<String, ExchangeItem> found = mailbox.findBySalesforceIds(ItemKind.CONTACT, wanted);
      assertThat(found).hasSize(30);
      assertThat(found.get("003F10").value(ExchangeField.GIVEN_NAME)).contains("F10");
      assertThat(mailbox.findBySalesforceIds(ItemKind.EVENT, List.of("003F10"))).isEmpty();
    }
  }

  @Test
  void everyItemCarryingASalesforceId_isListedByIt_asACopyOrADoubleCarriesItToo() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      List<ItemResult> made = mailbox.create(ItemKind.CONTACT, List.of(
          new NewItem(ItemKind.CONTACT, contact("Twice", "One", "t1@x.example.com"), Optional.of("003TWICE")),
          new NewItem(ItemKind.CONTACT, contact("Twice", "Two", "t2@x.example.com"), Optional.of("003TWICE")),
          new NewItem(ItemKind.CONTACT, contact("Once", "Only", "o@x.example.com"), Optional.of("003ONCE"))));
      Map<String, List<String>> marked = mailbox.idsMarkedWith(ItemKind.CONTACT, List.of("003TWICE", "003ONCE", "003NOTTHERE"));
      assertThat(marked.get("003TWICE")).containsExactlyInAnyOrder(made.get(0).id().orElseThrow(), made.get(1).id().orElseThrow());
      assertThat(marked.get("003ONCE")).containsExactly(made.get(2).id().orElseThrow());
      assertThat(marked).doesNotContainKey("003NOTTHERE");
      assertThat(mailbox.idsMarkedWith(ItemKind.EVENT, List.of("003TWICE"))).isEmpty();
    }
  }

  @Test
  void aValueExchangeRefusesFailsThatItemOnly() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      List<ItemResult> results = mailbox.create(ItemKind.CONTACT, List.of(
          new NewItem(ItemKind.CONTACT, contact("x".repeat(300), "Long", "l@x.example.com"), Optional.empty()),
          new NewItem(ItemKind.CONTACT, contact("Fine", "Person", "f@x.example.com"), Optional.empty())));
      assertThat(results.get(0).error()).contains(MailboxError.INVALID_PROPERTY_VALUE);
      assertThat(results.get(0).message()).isNotBlank();
      assertThat(results.get(1).succeeded()).isTrue();
      List<ItemResult> events = mailbox.create(ItemKind.EVENT, List.of(
          new NewItem(ItemKind.EVENT, event("Backwards", "2026-12-01T10:00:00Z", "2026-12-01T09:00:00Z"), Optional.empty()),
          new NewItem(ItemKind.EVENT, event("Not a time", "tomorrow", "2026-12-01T09:00:00Z"), Optional.empty())));
      assertThat(events).allSatisfy(r -> assertThat(r.error()).contains(MailboxError.INVALID_PROPERTY_VALUE));
    }
  }

  @Test
  void calendarItemsRoundTrip_inUtc() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      Map<ExchangeField, String> values = new HashMap<>(event("Quarterly review", "2026-12-01T09:30:00Z", "2026-12-01T10:15:00Z"));
      values.put(ExchangeField.LOCATION, "Room 4");
      values.put(ExchangeField.BODY, "Bring the numbers.");
      values.put(ExchangeField.SENSITIVITY, "Private");
      ItemResult made = mailbox.create(ItemKind.EVENT, List.of(new NewItem(ItemKind.EVENT, values, Optional.of("00U1")))).get(0);
      assertThat(made.succeeded()).as(made.message()).isTrue();
      repCreates(ItemKind.EVENT, event("Made in Outlook", "2026-12-02T07:00:00Z", "2026-12-02T08:00:00Z"));

      ItemChanges changes = drain(mailbox, ItemKind.EVENT, Optional.empty());
      assertThat(changes.changed()).hasSize(2);
      ExchangeItem review = changes.changed().stream().filter(i -> i.salesforceId().isPresent()).findFirst().orElseThrow();
      assertThat(review.value(ExchangeField.START)).contains("2026-12-01T09:30:00Z");
      assertThat(review.value(ExchangeField.END)).contains("2026-12-01T10:15:00Z");
      assertThat(review.value(ExchangeField.LOCATION)).contains("Room 4");
      assertThat(review.value(ExchangeField.BODY)).contains("Bring the numbers.");
      assertThat(review.value(ExchangeField.SENSITIVITY)).contains("Private");
      assertThat(review.value(ExchangeField.CALENDAR_ITEM_TYPE)).contains("Single");
      assertThat(drain(mailbox, ItemKind.CONTACT, Optional.empty()).changed()).as("events stay out of the contacts folder").isEmpty();

      mailbox.update(ItemKind.EVENT, List.of(new ItemUpdate(review.id(), Optional.of(review.changeKey()),
          Map.of(ExchangeField.START, "2026-12-01T11:00:00Z", ExchangeField.END, "2026-12-01T12:00:00Z"), Optional.empty())));
      ItemChanges moved = drain(mailbox, ItemKind.EVENT, Optional.of(changes.syncToken()));
      assertThat(moved.changed()).singleElement().satisfies(i -> assertThat(i.value(ExchangeField.START)).contains("2026-12-01T11:00:00Z"));
    }
  }

  @Test
  void aTokenFromElsewhereIsRefused() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      String contactsToken = mailbox.changes(ItemKind.CONTACT, Optional.empty()).syncToken();
      assertThatThrownBy(() -> mailbox.changes(ItemKind.EVENT, Optional.of(contactsToken)))
          .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.INVALID_SYNC_STATE));
      assertThatThrownBy(() -> mailbox.changes(ItemKind.CONTACT, Optional.of("bm90IGEgdG9rZW4=")))
          .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.INVALID_SYNC_STATE));
    }
  }

  @Test
  void anUnknownMailboxIsNamedAsSuch() {
    assertThatThrownBy(() -> connector().open("nobody@corp.example.com"))
        .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.MAILBOX_NOT_FOUND));
  }

  @Test
  void aMailboxNoOrgMarkedHasNoSyncingOrg() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      assertThat(mailbox.syncingOrg()).isEmpty();
    }
  }

  @Test
  void theSyncingOrgsMark_isSeenByEveryLaterOpening_andChangesNoItem() throws Exception {
    String contactId;
    Optional<String> token;
    try (Mailbox mailbox = connector().open(REP)) {
      contactId = repCreates(ItemKind.CONTACT, contact("Ann", "Lee", "ann.lee@customer.example.com"));
      token = Optional.of(drain(mailbox, ItemKind.CONTACT, Optional.empty()).syncToken());
      mailbox.markSyncingOrg(Optional.of(ORG_A));
      assertThat(mailbox.syncingOrg()).contains(ORG_A);
    }
    // Another worker (its own connection, its own database) finds the mark in the mailbox.
    try (Mailbox again = connector().open(REP)) {
      assertThat(again.syncingOrg()).contains(ORG_A);
      assertThat(again.changes(ItemKind.CONTACT, token).size()).isZero();
      assertThat(drain(again, ItemKind.EVENT, Optional.empty()).changed()).isEmpty();
      assertThat(again.get(ItemKind.CONTACT, List.of(contactId))).singleElement()
          .satisfies(i -> assertThat(i.value(ExchangeField.EMAIL)).contains("ann.lee@customer.example.com"));
    }
  }

  @Test
  void aMarkIsReplacedByAnotherOrgs_andRemovedByAnEmptyOne() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      mailbox.markSyncingOrg(Optional.of(ORG_A));
      mailbox.markSyncingOrg(Optional.of(ORG_B));
      assertThat(mailbox.syncingOrg()).contains(ORG_B);
      mailbox.markSyncingOrg(Optional.empty());
      assertThat(mailbox.syncingOrg()).isEmpty();
      mailbox.markSyncingOrg(Optional.empty()); // removing what is not there is no error
      assertThat(mailbox.syncingOrg()).isEmpty();
    }
    try (Mailbox again = connector().open(REP)) {
      assertThat(again.syncingOrg()).isEmpty();
    }
  }

  /** Two orgs' 18-character ids (a production org and its sandbox). */
  protected static final String ORG_A = "00D5g00000DEMOAEAX";
  protected static final String ORG_B = "00D7x00000SANDBEAQ";
}
