package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.contact;
import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.DeletedRecord;
import com.sforce.soap.partner.GetDeletedResult;
import com.sforce.soap.partner.GetUpdatedResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** getUpdated and getDeleted windows, minute granularity and their age limits, on a hand-moved clock. */
class SalesforceReplicationIT extends SalesforceTestbedSupport {

  private static Calendar at(Instant t) {
    Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    c.setTimeInMillis(t.toEpochMilli());
    return c;
  }

  @Test
  void getUpdatedListsWhatChangedInTheWindow() throws Exception {
    PartnerConnection c = connect();
    Instant t0 = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    List<String> ids = create(c, contact("A", "One", null), contact("B", "Two", null), contact("C", "Three", null));
    clock.advance(Duration.ofMinutes(5));
    SObject change = new SObject("Contact");
    change.setId(ids.get(0));
    change.setField("Title", "Changed");
    c.update(new SObject[] {change});
    clock.advance(Duration.ofMinutes(2));

    GetUpdatedResult early = c.getUpdated("Contact", at(t0), at(t0.plus(Duration.ofMinutes(2))));
    assertThat(early.getIds()).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
    assertThat(early.getLatestDateCovered().toInstant()).isEqualTo(t0.plus(Duration.ofMinutes(2)));

    GetUpdatedResult late = c.getUpdated("Contact", at(t0.plus(Duration.ofMinutes(4))), at(clock.instant().plusSeconds(3600)));
    assertThat(late.getIds()).containsExactly(ids.get(0));
    assertThat(late.getLatestDateCovered().toInstant()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MINUTES));

    assertThatThrownBy(() -> c.getUpdated("Contact", at(clock.instant().minus(Duration.ofDays(31))), at(clock.instant())))
        .isInstanceOfSatisfying(UnexpectedErrorFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_REPLICATION_DATE));
    assertThat(c.getUpdated("Contact", at(clock.instant().minus(Duration.ofDays(29))), at(clock.instant())).getIds()).hasSize(3);
    assertThatThrownBy(() -> c.getUpdated("Widget__c", at(t0), at(clock.instant()))).isInstanceOf(InvalidSObjectFault.class);
  }

  @Test
  void getDeletedListsDeletionsWithTheirDates_within15Days() throws Exception {
    PartnerConnection c = connect();
    Instant t0 = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    List<String> ids = create(c, contact("A", "One", null), contact("B", "Two", null));
    clock.advance(Duration.ofMinutes(3));
    Instant deletedAt = clock.instant();
    c.delete(new String[] {ids.get(1)});
    clock.advance(Duration.ofMinutes(2));

    GetDeletedResult r = c.getDeleted("Contact", at(t0), at(clock.instant()));
    DeletedRecord[] deleted = r.getDeletedRecords();
    assertThat(Arrays.stream(deleted).map(DeletedRecord::getId)).containsExactly(ids.get(1));
    assertThat(deleted[0].getDeletedDate().toInstant()).as("to the second, as an org stores it")
        .isEqualTo(deletedAt.truncatedTo(ChronoUnit.SECONDS));
    assertThat(r.getEarliestDateAvailable().toInstant()).isBeforeOrEqualTo(t0);
    assertThat(c.queryAll("SELECT Id FROM Contact WHERE IsDeleted = true").getRecords()).extracting(SObject::getId)
        .containsExactly(ids.get(1));

    assertThatThrownBy(() -> c.getDeleted("Contact", at(clock.instant().minus(Duration.ofDays(16))), at(clock.instant())))
        .isInstanceOfSatisfying(UnexpectedErrorFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_REPLICATION_DATE));
    assertThat(c.getDeleted("Contact", at(clock.instant().minus(Duration.ofDays(14))), at(clock.instant())).getDeletedRecords())
        .hasSize(1);
    assertThatThrownBy(() -> c.getDeleted("Contact", at(clock.instant()), at(clock.instant().minusSeconds(600))))
        .isInstanceOf(UnexpectedErrorFault.class);
  }
}
