package com.exchangesync.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SalesforceSide} must do, run against each: the in-memory
 * twin ({@code InMemorySalesforceSideTest}) and the SOAP adapter against the
 * Salesforce test bed ({@code SoapSalesforceRecordsIT}), on contacts. Subclasses
 * provide the side and a person's own edits (as in Salesforce's UI).
 */
public abstract class SalesforceSideContract {

  protected static final List<String> FIELDS = List.of("FirstName", "LastName", "Email", "Title", "MailingCountry");

  /** The side under test, for contacts. */
  protected abstract SalesforceSide side();

  /** The rep whose records are synced. */
  protected abstract String rep();

  /** Another user of the org. */
  protected abstract String other();

  /** A person creates a contact owned by {@code owner}; returns its id. */
  protected abstract String personCreates(String owner, Map<String, String> fields);

  /** A person edits a contact ({@code null} clears). */
  protected abstract void personEdits(String id, Map<String, String> fields);

  /** A person deletes a contact. */
  protected abstract void personDeletes(String id);

  /** Lets the rep see a contact another user owns (sharing, or the org's defaults). */
  protected abstract void letRepSee(String id);

  protected static Map<String, String> contact(String first, String last, String email) {
    Map<String, String> f = new HashMap<>();
    f.put("FirstName", first);
    f.put("LastName", last);
    f.put("Email", email);
    return f;
  }

  private Scope owned() {
    return new Scope(rep(), false, List.of());
  }

  @Test
  void aFirstReadListsTheRepsRecords_andALaterReadOnlyWhatChanged() throws Exception {
    String ann = personCreates(rep(), contact("Ann", "Lee", "ann@customer.example.com"));
    String bo = personCreates(rep(), contact("Bo", "Ng", "bo@customer.example.com"));
    personCreates(other(), contact("Cy", "Other", "cy@customer.example.com"));

    SalesforceSide.Changes first = side().changedSince(owned(), Optional.empty(), Set.of(), FIELDS);
    assertThat(first.inScope()).extracting(SalesforceItem::id).containsExactlyInAnyOrder(ann, bo);
    assertThat(first.inScope()).filteredOn(i -> i.id().equals(ann)).singleElement()
        .satisfies(i -> assertThat(i.fields()).containsEntry("LastName", "Lee").containsEntry("Email", "ann@customer.example.com"));
    assertThat(first.gone()).isEmpty();

    personEdits(bo, Map.of("Title", "Buyer"));
    SalesforceSide.Changes second = side().changedSince(owned(), Optional.of(first.watermark()), Set.of(ann, bo), FIELDS);
    assertThat(second.inScope()).extracting(SalesforceItem::id).contains(bo);
    assertThat(second.inScope()).filteredOn(i -> i.id().equals(bo)).singleElement()
        .satisfies(i -> assertThat(i.get("Title")).isEqualTo("Buyer"));
  }

  @Test
  void aFeedReadAPageAtATime_givesEveryRecordOnce_goingOnWhereThePageStopped() throws Exception {
    Set<String> made = new java.util.HashSet<>();
    for (int i = 0; i < 10; i++) {
      // Made in quick succession: against an org many share a SystemModstamp second.
      made.add(personCreates(rep(), contact("P" + i, "Paged" + i, "p" + i + "@customer.example.com")));
    }
    List<String> read = new java.util.ArrayList<>();
    Optional<String> position = Optional.empty();
    SalesforceSide.Changes page;
    int pages = 0;
    do {
      page = side().changedSince(owned(), position, LinkedIds.of(Set.of()), FIELDS, 3);
      assertThat(page.inScope()).as("a page holds at most its limit").hasSizeLessThanOrEqualTo(3);
      page.inScope().forEach(i -> read.add(i.id()));
      position = Optional.of(page.watermark());
      pages++;
    } while (page.more() && pages < 20);
    assertThat(page.more()).isFalse();
    assertThat(read).as("every record once, none skipped at a page's edge").containsExactlyInAnyOrderElementsOf(made);
    assertThat(pages).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aReadFromTheEndOfTheFeed_givesAgainWhatChangedJustBefore() throws Exception {
    String ann = personCreates(rep(), contact("Ann", "Lee", "ann@customer.example.com"));
    SalesforceSide.Changes first = side().changedSince(owned(), Optional.empty(), Set.of(), FIELDS);
    assertThat(first.more()).isFalse();
    // The overlap (a long transaction can commit an older stamp): the pass meets its own writes again.
    SalesforceSide.Changes again = side().changedSince(owned(), Optional.of(first.watermark()), Set.of(ann), FIELDS);
    assertThat(again.inScope()).extracting(SalesforceItem::id).containsExactly(ann);
  }

  @Test
  void aDeletedLinkedRecordIsReportedGone() throws Exception {
    String ann = personCreates(rep(), contact("Ann", "Lee", "ann@customer.example.com"));
    String bo = personCreates(rep(), contact("Bo", "Ng", "bo@customer.example.com"));
    SalesforceSide.Changes first = side().changedSince(owned(), Optional.empty(), Set.of(), FIELDS);
    personDeletes(ann);
    SalesforceSide.Changes second = side().changedSince(owned(), Optional.of(first.watermark()), Set.of(ann, bo), FIELDS);
    assertThat(second.gone()).containsExactly(ann);
    assertThat(second.inScope()).extracting(SalesforceItem::id).doesNotContain(ann);
    assertThat(side().get(rep(), List.of(ann, bo), FIELDS)).extracting(SalesforceItem::id).containsExactly(bo);
  }

  @Test
  void aScopeOfVisibleRecords_takesOthersRecordsTheRepCanSee_andFiltersHoldLiterally() throws Exception {
    String mine = personCreates(rep(), contact("Ann", "Lee", "ann@customer.example.com"));
    String shared = personCreates(other(), contact("Cy", "O'Brien", "cy@customer.example.com"));
    letRepSee(shared);
    personEdits(mine, Map.of("MailingCountry", "France"));
    personEdits(shared, Map.of("MailingCountry", "France' OR Name != '"));

    Scope visible = new Scope(rep(), true, List.of());
    assertThat(side().changedSince(visible, Optional.empty(), Set.of(), FIELDS).inScope()).extracting(SalesforceItem::id)
        .contains(mine, shared);
    assertThat(side().changedSince(owned(), Optional.empty(), Set.of(), FIELDS).inScope()).extracting(SalesforceItem::id)
        .containsExactly(mine);

    Scope france = visible.and(new FieldFilter("MailingCountry", FieldFilter.Operator.EQUALS, "france"));
    assertThat(side().changedSince(france, Optional.empty(), Set.of(), FIELDS).inScope()).extracting(SalesforceItem::id)
        .containsExactly(mine);
    Scope quoted = visible.and(new FieldFilter("MailingCountry", FieldFilter.Operator.STARTS_WITH, "France'"));
    assertThat(side().changedSince(quoted, Optional.empty(), Set.of(), FIELDS).inScope()).extracting(SalesforceItem::id)
        .containsExactly(shared);
    Scope notFrance = visible.and(new FieldFilter("MailingCountry", FieldFilter.Operator.NOT_EQUALS, "France"));
    assertThat(side().changedSince(notFrance, Optional.empty(), Set.of(), FIELDS).inScope()).extracting(SalesforceItem::id)
        .doesNotContain(mine).contains(shared);
    Scope containsBrien = visible.and(new FieldFilter("LastName", FieldFilter.Operator.CONTAINS, "brien"));
    assertThat(side().changedSince(containsBrien, Optional.empty(), Set.of(), FIELDS).inScope()).extracting(SalesforceItem::id)
        .containsExactly(shared);
  }

  @Test
  void createsOwnedByTheRep_withTheirCreationKeys_andRefusesABadRecordAlone() throws Exception {
    List<SalesforceSide.WriteOutcome> outcomes = side().create(rep(), List.of(
        contact("Ann", "Lee", "ann@customer.example.com"),
        contact("No", null, "no-last-name@customer.example.com"),
        contact("Bo", "Ng", "bo@customer.example.com")), List.of("AAMkItemAnn", "AAMkItemNo", "AAMkItemBo"));
    assertThat(outcomes.get(0).succeeded()).isTrue();
    assertThat(outcomes.get(1).succeeded()).isFalse();
    assertThat(outcomes.get(1).errorCode()).contains("REQUIRED_FIELD_MISSING");
    assertThat(outcomes.get(1).message()).isNotBlank();
    assertThat(outcomes.get(2).succeeded()).isTrue();

    Map<String, SalesforceItem> byKey = side().byCreationKey(List.of("AAMkItemAnn", "AAMkItemBo", "AAMkItemNo"), FIELDS);
    assertThat(byKey).containsOnlyKeys("AAMkItemAnn", "AAMkItemBo");
    assertThat(byKey.get("AAMkItemAnn").id()).isEqualTo(outcomes.get(0).id().orElseThrow());
    assertThat(byKey.get("AAMkItemAnn").creationKey()).isEqualTo("AAMkItemAnn");
    assertThat(side().changedSince(owned(), Optional.empty(), Set.of(), FIELDS).inScope()).extracting(SalesforceItem::id)
        .containsExactlyInAnyOrder(outcomes.get(0).id().orElseThrow(), outcomes.get(2).id().orElseThrow());
  }

  @Test
  void updatesSetAndClearFields_andRefuseEachBadRecordAlone() throws Exception {
    String ann = personCreates(rep(), contact("Ann", "Lee", "ann@customer.example.com"));
    String bo = personCreates(rep(), contact("Bo", "Ng", "bo@customer.example.com"));
    Map<String, String> clearEmail = new HashMap<>();
    clearEmail.put("Email", null);
    clearEmail.put("Title", "Buyer");
    Map<String, String> clearLastName = new HashMap<>();
    clearLastName.put("LastName", null);
    List<SalesforceSide.WriteOutcome> outcomes = side().update(List.of(
        new SalesforceSide.RecordUpdate(ann, clearEmail), new SalesforceSide.RecordUpdate(bo, clearLastName)));
    assertThat(outcomes.get(0).succeeded()).isTrue();
    assertThat(outcomes.get(1).errorCode()).contains("REQUIRED_FIELD_MISSING");
    SalesforceItem after = side().get(rep(), List.of(ann), FIELDS).get(0);
    assertThat(after.get("Title")).isEqualTo("Buyer");
    assertThat(after.get("Email")).isNull();
    assertThat(side().get(rep(), List.of(bo), FIELDS).get(0).get("LastName")).isEqualTo("Ng");
  }

  @Test
  void candidatesAreFoundByValueIgnoringCase_amongRecordsTheRepCanSee() throws Exception {
    String ann = personCreates(rep(), contact("Ann", "Lee", "Ann.Lee@Customer.example.com"));
    String shared = personCreates(other(), contact("Ann", "Twin", "ann.lee@customer.example.com"));
    letRepSee(shared);
    personCreates(rep(), contact("Bo", "Ng", "bo@customer.example.com"));
    List<SalesforceItem> found = side().byValues(rep(), "Email", Set.of("ann.lee@customer.example.com", "nobody@x.example.com"),
        FIELDS);
    assertThat(found).extracting(SalesforceItem::id).containsExactlyInAnyOrder(ann, shared);
    assertThat(found).allSatisfy(i -> assertThat(i.lastModified()).isNotNull());
  }

  @Test
  void byCreationKeyOrValues_findsWhatEachFindsAlone() throws Exception {
    String made = side().create(rep(), List.of(contact("Ann", "Lee", "ann@customer.example.com")), List.of("AAMkItemAnn"))
        .get(0).id().orElseThrow();
    String twin = personCreates(rep(), contact("Ann", "Twin", "Ann.Lee@Customer.example.com"));
    String shared = personCreates(other(), contact("Cy", "Shared", "cy@customer.example.com"));
    letRepSee(shared);
    List<String> keys = List.of("AAMkItemAnn", "AAMkItemNo");
    Set<String> values = Set.of("ann.lee@customer.example.com", "cy@customer.example.com", "nobody@x.example.com");
    SalesforceSide.Candidates both = side().byCreationKeyOrValues(keys, rep(), "Email", values, FIELDS);
    assertThat(both.byKey()).containsOnlyKeys("AAMkItemAnn");
    assertThat(both.byKey().get("AAMkItemAnn").id()).isEqualTo(made);
    assertThat(both.byValue()).extracting(SalesforceItem::id).containsExactlyInAnyOrder(twin, shared);
    assertThat(both.byKey().keySet()).isEqualTo(side().byCreationKey(keys, FIELDS).keySet());
    assertThat(both.byValue()).extracting(SalesforceItem::id).containsExactlyInAnyOrderElementsOf(
        side().byValues(rep(), "Email", values, FIELDS).stream().map(SalesforceItem::id).toList());
  }

  @Test
  void firstRead_bringsTheFeedAsAloneAndFindsWhatTheLookupsFindAlone() throws Exception {
    String ann = personCreates(rep(), contact("Ann", "Lee", "ann@customer.example.com"));
    String made = side().create(rep(), List.of(contact("Bo", "Ng", "bo@customer.example.com")), List.of("AAMkItemBo"))
        .get(0).id().orElseThrow();
    String shared = personCreates(other(), contact("Cy", "Shared", "Cy@Customer.example.com"));
    letRepSee(shared);
    personCreates(other(), contact("Di", "Other", "di@customer.example.com"));
    SalesforceSide.Lookups lookups = new SalesforceSide.Lookups(List.of("AAMkItemBo", "AAMkItemNo"), "Email",
        Set.of("cy@customer.example.com", "ann@customer.example.com", "nobody@x.example.com"));

    SalesforceSide.FirstRead first = side().firstRead(owned(), LinkedIds.of(Set.of()), FIELDS, 1000, lookups);
    SalesforceSide.Changes alone = side().changedSince(owned(), Optional.empty(), Set.of(), FIELDS);
    assertThat(first.changes().inScope()).extracting(SalesforceItem::id).as("the rep's records, none of the others'")
        .containsExactlyInAnyOrderElementsOf(alone.inScope().stream().map(SalesforceItem::id).toList())
        .containsExactlyInAnyOrder(ann, made);
    assertThat(first.changes().more()).isFalse();
    // A side that cannot bring the lookups along says so; the match then reads them as before.
    first.found().ifPresent(found -> {
      try {
        SalesforceSide.Candidates both = side().byCreationKeyOrValues(lookups.keys(), rep(), "Email", lookups.values(), FIELDS);
        assertThat(found.byKey().keySet()).isEqualTo(both.byKey().keySet()).containsOnly("AAMkItemBo");
        assertThat(found.byValue()).extracting(SalesforceItem::id)
            .containsExactlyInAnyOrderElementsOf(both.byValue().stream().map(SalesforceItem::id).toList())
            .containsExactlyInAnyOrder(ann, shared);
      } catch (SyncException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void findListsEveryRecordInScopeNow_changedOrNot() throws Exception {
    String ann = personCreates(rep(), contact("Ann", "Lee", "ann@customer.example.com"));
    personEdits(ann, Map.of("MailingCountry", "France"));
    personCreates(rep(), contact("Bo", "Ng", "bo@customer.example.com"));
    personCreates(other(), contact("Cy", "Other", "cy@customer.example.com"));
    assertThat(side().find(owned(), FIELDS)).hasSize(2);
    assertThat(side().find(owned().and(new FieldFilter("MailingCountry", FieldFilter.Operator.EQUALS, "France")), FIELDS))
        .extracting(SalesforceItem::id).containsExactly(ann);
  }
}
