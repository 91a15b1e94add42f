package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeek;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeekIndex;
import microsoft.exchange.webservices.data.core.enumeration.property.time.Month;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.enumeration.sync.ChangeType;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.property.complex.Attendee;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence;
import microsoft.exchange.webservices.data.property.complex.time.OlsonTimeZoneDefinition;
import microsoft.exchange.webservices.data.search.CalendarView;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;
import org.junit.jupiter.api.Test;

/**
 * ews-java-api 2.0, unchanged, against the test bed: a weekly Monday 09:00
 * Europe/Berlin meeting (six occurrences, across the end of March, when
 * Germany moves to summer time), its attendees, occurrences, exceptions and
 * deletions, and the meeting messages it would send.
 */
class EwsRecurrenceIT extends ExchangeTestbedSupport {

  private static final FolderId CALENDAR = new FolderId(WellKnownFolderName.Calendar);

  private static Date at(String instant) {
    return Date.from(Instant.parse(instant));
  }

  /** Weekly on Mondays at 09:00 Berlin time from 2 March 2026, six times, with two attendees; nothing is sent. */
  private ItemId weeklyMeeting(ExchangeService service) throws Exception {
    Appointment a = new Appointment(service);
    a.setSubject("Pipeline review");
    a.setLocation("Room 4");
    a.setStart(at("2026-03-02T08:00:00Z"));
    a.setEnd(at("2026-03-02T08:30:00Z"));
    a.setStartTimeZone(new OlsonTimeZoneDefinition(TimeZone.getTimeZone("Europe/Berlin")));
    Recurrence.WeeklyPattern weekly = new Recurrence.WeeklyPattern(at("2026-03-02T12:00:00Z"), 1, DayOfTheWeek.Monday);
    weekly.setNumberOfOccurrences(6);
    a.setRecurrence(weekly);
    a.getRequiredAttendees().add(new Attendee("Pat Jones", "pat@customer.example.com"));
    a.getOptionalAttendees().add("lee@customer.example.com");
    a.save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
    return a.getId();
  }

  private List<Appointment> calendarView(ExchangeService service, String from, String to) throws Exception {
    FindItemsResults<Appointment> found = service.findAppointments(CALENDAR, new CalendarView(at(from), at(to)));
    return new ArrayList<>(found.getItems());
  }

  @Test
  void aRecurringMeeting_withItsTimeZoneAndAttendees_readsBackWhole_andSendsNothing() throws Exception {
    ExchangeService service = service(ANN);
    ItemId id = weeklyMeeting(service);

    Appointment read = Appointment.bind(service, id, PropertySet.FirstClassProperties);
    assertThat(read.getAppointmentType().name()).isEqualTo("RecurringMaster");
    assertThat(read.getIsRecurring()).isTrue();
    assertThat(read.getStart().toInstant()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
    assertThat(read.getStartTimeZone().getId()).isEqualTo("W. Europe Standard Time");
    assertThat(read.getRecurrence()).isInstanceOfSatisfying(Recurrence.WeeklyPattern.class, w -> {
      assertThat(w.getDaysOfTheWeek().getCount()).isEqualTo(1);
      assertThat(w.getDaysOfTheWeek().toString()).isEqualTo("Monday");
      assertThat(w.getInterval()).isEqualTo(1);
      assertThat(w.getNumberOfOccurrences()).isEqualTo(6);
    });
    assertThat(read.getFirstOccurrence().getStart().toInstant()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
    // 6 April is in summer time: still 09:00 in Berlin, so 07:00 UTC.
    assertThat(read.getLastOccurrence().getStart().toInstant()).isEqualTo(Instant.parse("2026-04-06T07:00:00Z"));
    assertThat(read.getRequiredAttendees().getItems()).singleElement().satisfies(att -> {
      assertThat(att.getAddress()).isEqualTo("pat@customer.example.com");
      assertThat(att.getName()).isEqualTo("Pat Jones");
    });
    assertThat(read.getOptionalAttendees().getItems()).extracting(Attendee::getAddress).containsExactly("lee@customer.example.com");
    assertThat(read.getIsMeeting()).isTrue();
    assertThat(read.getOrganizer().getAddress()).isEqualTo(ANN);
    assertThat(read.getICalUid()).matches("040000008200E00074C5B7101A82E008[0-9A-F]{80}");
    assertThat(read.getMeetingRequestWasSent()).isFalse();
    assertThat(sim.stats().getLong("meetingMessagesSent")).isZero();
  }

  @Test
  void aCalendarView_expandsTheSeries_atNineBerlinTime_acrossTheDaylightSavingChange() throws Exception {
    ExchangeService service = service(ANN);
    ItemId id = weeklyMeeting(service);
    List<Appointment> shown = calendarView(service, "2026-03-01T00:00:00Z", "2026-04-30T00:00:00Z");
    assertThat(shown).extracting(a -> a.getStart().toInstant().toString()).containsExactly("2026-03-02T08:00:00Z",
        "2026-03-09T08:00:00Z", "2026-03-16T08:00:00Z", "2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z", "2026-04-06T07:00:00Z");
    assertThat(shown).allSatisfy(a -> {
      assertThat(a.getAppointmentType().name()).isEqualTo("Occurrence");
      assertThat(a.getSubject()).isEqualTo("Pipeline review");
      assertThat(a.getIsRecurring()).isTrue();
    });
    // An occurrence found in the view is an item of its own, and leads back to its master.
    Appointment third = Appointment.bind(service, shown.get(2).getId());
    assertThat(third.getStart().toInstant()).isEqualTo(Instant.parse("2026-03-16T08:00:00Z"));
    assertThat(Appointment.bindToRecurringMaster(service, shown.get(2).getId()).getId().getUniqueId()).isEqualTo(id.getUniqueId());
    assertThat(calendarView(service, "2026-03-03T00:00:00Z", "2026-03-09T08:00:00Z")).isEmpty();
  }

  @Test
  void changingOneOccurrence_makesAnException_andDeletingOne_addsADeletedOccurrence() throws Exception {
    ExchangeService service = service(ANN);
    ItemId id = weeklyMeeting(service);
    ChangeCollection<ItemChange> initial = service.syncFolderItems(CALENDAR, PropertySet.IdOnly, null, 512,
        SyncFolderItemsScope.NormalItems, null);

    Appointment second = Appointment.bindToOccurrence(service, id, 2);
    assertThat(second.getStart().toInstant()).isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
    second.setSubject("Pipeline review (moved)");
    second.setStart(at("2026-03-10T13:00:00Z"));
    second.setEnd(at("2026-03-10T13:30:00Z"));
    second.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
    Appointment.bindToOccurrence(service, id, 3).delete(DeleteMode.MoveToDeletedItems, SendCancellationsMode.SendToNone);

    Appointment master = Appointment.bind(service, id, PropertySet.FirstClassProperties);
    assertThat(master.getSubject()).isEqualTo("Pipeline review");
    assertThat(master.getModifiedOccurrences().getItems()).singleElement().satisfies(o -> {
      assertThat(o.getOriginalStart().toInstant()).isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
      assertThat(o.getStart().toInstant()).isEqualTo(Instant.parse("2026-03-10T13:00:00Z"));
    });
    assertThat(master.getDeletedOccurrences().getItems()).singleElement()
        .satisfies(d -> assertThat(d.getOriginalStart().toInstant()).isEqualTo(Instant.parse("2026-03-16T08:00:00Z")));

    List<Appointment> shown = calendarView(service, "2026-03-01T00:00:00Z", "2026-03-20T00:00:00Z");
    assertThat(shown).extracting(a -> a.getAppointmentType().name() + " " + a.getSubject() + " " + a.getStart().toInstant())
        .containsExactly("Occurrence Pipeline review 2026-03-02T08:00:00Z",
            "Exception Pipeline review (moved) 2026-03-10T13:00:00Z");

    assertThatThrownBy(() -> Appointment.bindToOccurrence(service, id, 3))
        .satisfies(e -> assertThat(ewsError(e)).isEqualTo(ServiceError.ErrorCalendarOccurrenceIsDeletedFromRecurrence));
    assertThatThrownBy(() -> Appointment.bindToOccurrence(service, id, 7))
        .satisfies(e -> assertThat(ewsError(e)).isEqualTo(ServiceError.ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange));

    // The sync sees the master change, never an occurrence.
    ChangeCollection<ItemChange> after = service.syncFolderItems(CALENDAR, PropertySet.IdOnly, null, 512,
        SyncFolderItemsScope.NormalItems, initial.getSyncState());
    assertThat(after).singleElement().satisfies(c -> {
      assertThat(c.getChangeType()).isEqualTo(ChangeType.Update);
      assertThat(c.getItemId().getUniqueId()).isEqualTo(id.getUniqueId());
    });
    assertThat(sim.stats().getLong("meetingMessagesSent")).isZero();
  }

  @Test
  void everyPatternAndRange_readsBackAsSent_andStartsOnItsFirstOccurrence() throws Exception {
    ExchangeService service = service(BOB);
    Date start = at("2026-03-02T12:00:00Z");
    Recurrence daily = new Recurrence.DailyPattern(start, 3);
    daily.setEndDate(at("2026-03-31T12:00:00Z"));
    Recurrence monthly = new Recurrence.MonthlyPattern(start, 2, 31);
    monthly.setNumberOfOccurrences(4);
    Recurrence relativeMonthly = new Recurrence.RelativeMonthlyPattern(start, 1, DayOfTheWeek.Weekday, DayOfTheWeekIndex.Last);
    Recurrence yearly = new Recurrence.YearlyPattern(start, Month.February, 29);
    Recurrence relativeYearly = new Recurrence.RelativeYearlyPattern(start, Month.November, DayOfTheWeek.Thursday,
        DayOfTheWeekIndex.Fourth);
    relativeYearly.setNumberOfOccurrences(2);
    String[][] expected = {{"2026-03-02", "2026-03-29"}, {"2026-03-31", "2026-09-30"}, {"2026-03-31", null},
        {"2027-02-28", null}, {"2026-11-26", "2027-11-25"}};
    Recurrence[] patterns = {daily, monthly, relativeMonthly, yearly, relativeYearly};
    for (int i = 0; i < patterns.length; i++) {
      Appointment a = new Appointment(service);
      a.setSubject("Pattern " + i);
      a.setStart(at("2026-03-02T10:00:00Z"));
      a.setEnd(at("2026-03-02T11:00:00Z"));
      a.setRecurrence(patterns[i]);
      a.save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
      Appointment read = Appointment.bind(service, a.getId(), PropertySet.FirstClassProperties);
      assertThat(read.getRecurrence()).as("pattern %d", i).isInstanceOf(patterns[i].getClass());
      assertThat(read.getRecurrence().hasEnd()).as("pattern %d", i).isEqualTo(patterns[i].hasEnd());
      assertThat(read.getStart().toInstant().toString()).as("pattern %d", i).isEqualTo(expected[i][0] + "T10:00:00Z");
      if (expected[i][1] == null) {
        assertThat(read.getLastOccurrence()).as("pattern %d", i).isNull();
      } else {
        assertThat(read.getLastOccurrence().getStart().toInstant().toString()).as("pattern %d", i)
            .isEqualTo(expected[i][1] + "T10:00:00Z");
      }
    }
    Recurrence.RelativeMonthlyPattern lastWeekday = (Recurrence.RelativeMonthlyPattern) Appointment.bind(service,
        calendarView(service, "2026-03-31T00:00:00Z", "2026-04-01T00:00:00Z").stream()
            .filter(o -> subjectOf(o).equals("Pattern 2")).findFirst().map(o -> {
              try {
                return Appointment.bindToRecurringMaster(service, o.getId()).getId();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }).orElseThrow(), PropertySet.FirstClassProperties).getRecurrence();
    assertThat(lastWeekday.getDayOfTheWeek()).isEqualTo(DayOfTheWeek.Weekday);
    assertThat(lastWeekday.getDayOfTheWeekIndex()).isEqualTo(DayOfTheWeekIndex.Last);
  }

  private static String subjectOf(Appointment a) {
    try {
      return a.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void occurrenceAndMasterIds_thatNameNoSeries_areRefused() throws Exception {
    ExchangeService service = service(ANN);
    Appointment single = new Appointment(service);
    single.setSubject("Once");
    single.setStart(at("2026-05-04T08:00:00Z"));
    single.setEnd(at("2026-05-04T09:00:00Z"));
    single.save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
    assertThatThrownBy(() -> Appointment.bindToOccurrence(service, single.getId(), 1))
        .satisfies(e -> assertThat(ewsError(e)).isEqualTo(ServiceError.ErrorCalendarCannotUseIdForOccurrenceId));
    assertThatThrownBy(() -> Appointment.bindToRecurringMaster(service, single.getId()))
        .satisfies(e -> assertThat(ewsError(e)).isEqualTo(ServiceError.ErrorCalendarCannotUseIdForRecurringMasterId));
  }

  @Test
  void anException_keepsWhatItChanged_andFollowsTheMasterInTheRest() throws Exception {
    ExchangeService service = service(ANN);
    ItemId id = weeklyMeeting(service);
    Appointment second = Appointment.bindToOccurrence(service, id, 2);
    second.setLocation("Room 9");
    second.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
    Appointment master = Appointment.bind(service, id);
    master.setSubject("Pipeline review, new name");
    master.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
    Appointment exception = Appointment.bindToOccurrence(service, id, 2);
    assertThat(exception.getAppointmentType().name()).isEqualTo("Exception");
    assertThat(exception.getSubject()).isEqualTo("Pipeline review, new name");
    assertThat(exception.getLocation()).isEqualTo("Room 9");

    // Changing the series' pattern loses its exceptions, as Outlook warns.
    Appointment again = Appointment.bind(service, id, PropertySet.FirstClassProperties);
    Recurrence.WeeklyPattern tuesdays = new Recurrence.WeeklyPattern(at("2026-03-03T12:00:00Z"), 1, DayOfTheWeek.Tuesday);
    tuesdays.setNumberOfOccurrences(3);
    again.setRecurrence(tuesdays);
    again.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
    Appointment moved = Appointment.bind(service, id, PropertySet.FirstClassProperties);
    assertThat(moved.getModifiedOccurrences()).isNull();
    assertThat(moved.getStart().toInstant()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
  }

  @Test
  void anOccurrenceCannotJumpOverItsNeighbour() throws Exception {
    ExchangeService service = service(ANN);
    ItemId id = weeklyMeeting(service);
    Appointment second = Appointment.bindToOccurrence(service, id, 2);
    second.setStart(at("2026-03-17T08:00:00Z"));
    second.setEnd(at("2026-03-17T08:30:00Z"));
    assertThatThrownBy(() -> second.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone))
        .satisfies(e -> assertThat(ewsError(e)).isEqualTo(ServiceError.ErrorOccurrenceCrossingBoundary));
  }

  @Test
  void calendarWritesWithoutTheSendMeetingAttribute_areRefusedAsExchangeRefusesThem() throws Exception {
    ExchangeService service = service(ANN);
    Appointment a = new Appointment(service);
    a.setSubject("No attribute");
    a.setStart(at("2026-05-04T08:00:00Z"));
    a.setEnd(at("2026-05-04T09:00:00Z"));
    var created = service.createItems(List.of(a), CALENDAR, null, null);
    assertThat(created.getResponseAtIndex(0).getErrorCode()).isEqualTo(ServiceError.ErrorSendMeetingInvitationsRequired);
    assertThat(created.getResponseAtIndex(0).getErrorMessage()).isEqualTo("The SendMeetingInvitations attribute is required for calendar items.");
    assertThat(sim.events(ANN)).isEmpty();

    ItemId id = weeklyMeeting(service);
    Appointment master = Appointment.bind(service, id);
    master.setSubject("Renamed");
    var updated = service.updateItems(List.of(master), null, ConflictResolutionMode.AlwaysOverwrite, null, null);
    assertThat(updated.getResponseAtIndex(0).getErrorCode()).isEqualTo(ServiceError.ErrorSendMeetingInvitationsOrCancellationsRequired);
    var deleted = service.deleteItems(List.of(id), DeleteMode.HardDelete, null, null);
    assertThat(deleted.getResponseAtIndex(0).getErrorCode()).isEqualTo(ServiceError.ErrorSendMeetingCancellationsRequired);
    assertThat(Appointment.bind(service, id).getSubject()).isEqualTo("Pipeline review");
  }

  @Test
  void meetingMessagesAreCounted_perRecipient_unlessSentToNone() throws Exception {
    ExchangeService service = service(ANN);
    ItemId id = weeklyMeeting(service);
    Appointment master = Appointment.bind(service, id);
    master.setLocation("Room 5");
    master.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy);
    assertThat(sim.stats().getLong("meetingMessagesSent")).isEqualTo(2);
    Appointment.bind(service, id).delete(DeleteMode.MoveToDeletedItems, SendCancellationsMode.SendToAllAndSaveCopy);
    assertThat(sim.stats().getLong("meetingMessagesSent")).isEqualTo(4);

    Appointment invite = new Appointment(service);
    invite.setSubject("Kick-off");
    invite.setStart(at("2026-05-04T08:00:00Z"));
    invite.setEnd(at("2026-05-04T09:00:00Z"));
    invite.getRequiredAttendees().add("pat@customer.example.com");
    invite.save(WellKnownFolderName.Calendar, SendInvitationsMode.SendOnlyToAll);
    assertThat(sim.stats().getLong("meetingMessagesSent")).isEqualTo(5);
    assertThat(Appointment.bind(service, invite.getId()).getMeetingRequestWasSent()).isTrue();
  }
}
