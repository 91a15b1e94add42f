package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Date;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.Sensitivity;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.enumeration.sync.ChangeType;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeek;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;
import org.junit.jupiter.api.Test;

/** ews-java-api, unchanged, against the test bed: the main calendar. */
class EwsCalendarIT extends ExchangeTestbedSupport {

  private static Date at(String instant) {
    return Date.from(Instant.parse(instant));
  }

  @Test
  void roundTripsACalendarItem_withTimesInUtc() throws Exception {
    ExchangeService service = service(ANN);
    Appointment a = new Appointment(service);
    a.setSubject("Quarterly review");
    a.setLocation("Room 4");
    a.setBody(MessageBody.getMessageBodyFromText("Bring the numbers."));
    a.setStart(at("2026-12-01T09:30:00Z"));
    a.setEnd(at("2026-12-01T10:15:00Z"));
    a.setSensitivity(Sensitivity.Private);
    a.save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);

    Appointment read = Appointment.bind(service, a.getId());
    assertThat(read.getSubject()).isEqualTo("Quarterly review");
    assertThat(read.getLocation()).isEqualTo("Room 4");
    assertThat(read.getStart().toInstant()).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
    assertThat(read.getEnd().toInstant()).isEqualTo(Instant.parse("2026-12-01T10:15:00Z"));
    assertThat(read.getSensitivity()).isEqualTo(Sensitivity.Private);
    assertThat(read.getIsAllDayEvent()).isFalse();
    assertThat(read.getAppointmentType().name()).isEqualTo("Single");

    read.setLocation("Room 5");
    read.setStart(at("2026-12-01T11:00:00Z"));
    read.setEnd(at("2026-12-01T12:00:00Z"));
    read.update(ConflictResolutionMode.AutoResolve, SendInvitationsOrCancellationsMode.SendToNone);
    JsonObject inOutlook = sim.events(ANN).getJsonObject(0);
    assertThat(inOutlook.getString("location")).isEqualTo("Room 5");
    assertThat(inOutlook.getString("start")).isEqualTo("2026-12-01T11:00:00Z");
  }

  @Test
  void eventsMadeInOutlookWithOffsets_areReadInUtc_andCarryTheirType() throws Exception {
    sim.createEvent(ANN, new JsonObject().put("subject", "Offsite").put("start", "2026-12-02T09:00:00+02:00")
        .put("end", "2026-12-02T17:00:00+02:00").put("isAllDay", false).put("sensitivity", "Normal"));
    sim.createEvent(ANN, new JsonObject().put("subject", "Stand-up").put("start", "2026-12-03T08:00:00-05:00")
        .put("end", "2026-12-03T08:15:00-05:00").put("isRecurring", true));
    sim.createEvent(ANN, new JsonObject().put("subject", "Holiday").put("start", "2026-12-24T00:00:00Z")
        .put("end", "2026-12-25T00:00:00Z").put("isAllDay", true));

    ExchangeService service = service(ANN);
    FolderId calendar = new FolderId(WellKnownFolderName.Calendar);
    ChangeCollection<ItemChange> changes = service.syncFolderItems(calendar, PropertySet.FirstClassProperties, null, 512,
        SyncFolderItemsScope.NormalItems, null);
    assertThat(changes.getCount()).isEqualTo(3);
    for (ItemChange c : changes) {
      assertThat(c.getChangeType()).isEqualTo(ChangeType.Create);
      Appointment a = (Appointment) c.getItem();
      switch (a.getSubject()) {
        case "Offsite" -> assertThat(a.getStart().toInstant()).isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
        case "Stand-up" -> {
          assertThat(a.getStart().toInstant()).isEqualTo(Instant.parse("2026-12-03T13:00:00Z"));
          assertThat(a.getAppointmentType().name()).isEqualTo("RecurringMaster");
          assertThat(a.getIsRecurring()).isTrue();
        }
        default -> assertThat(a.getIsAllDayEvent()).isTrue();
      }
    }
  }

  @Test
  void aRecurrenceMadeThroughEwsMakesARecurringMaster() throws Exception {
    ExchangeService service = service(BOB);
    Appointment a = new Appointment(service);
    a.setSubject("Weekly");
    a.setStart(at("2026-12-07T09:00:00Z"));
    a.setEnd(at("2026-12-07T09:30:00Z"));
    a.setRecurrence(new Recurrence.WeeklyPattern(at("2026-12-07T00:00:00Z"), 1, DayOfTheWeek.Monday));
    a.save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
    assertThat(Appointment.bind(service, a.getId()).getAppointmentType().name()).isEqualTo("RecurringMaster");
  }

  @Test
  void anEndBeforeItsStartIsRefused() throws Exception {
    ExchangeService service = service(ANN);
    Appointment a = new Appointment(service);
    a.setSubject("Backwards");
    a.setStart(at("2026-12-01T10:00:00Z"));
    a.setEnd(at("2026-12-01T09:00:00Z"));
    assertThatThrownBy(() -> a.save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone))
        .isInstanceOfSatisfying(ServiceResponseException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorCalendarEndDateIsEarlierThanStartDate));
    assertThat(sim.events(ANN)).isEmpty();
  }
}
