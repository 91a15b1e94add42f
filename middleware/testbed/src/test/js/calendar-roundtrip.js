'use strict';
/*
 * A second, independent EWS client (ews-javascript-api, a port of Microsoft's EWS Managed API) against the
 * Exchange test bed, used as a new user would: a weekly Monday 09:00 Berlin meeting with an attendee sent to
 * nobody, read back; a calendar view across the change to summer time; one occurrence changed and one
 * deleted; the refusal of a calendar write without SendMeetingInvitations; FindItem sorted and filtered.
 *
 * Environment: EWS_URL, EWS_USER, EWS_PASSWORD, EWS_MAILBOX (impersonated), SIM_URL (the admin API).
 * Prints one line "OK <n> checks" and exits 0, or prints what failed and exits 1.
 */
const assert = require('node:assert/strict');
const ews = require('ews-javascript-api');

const {
  Appointment, AppointmentType, BasePropertySet, CalendarView, ComparisonMode, ConflictResolutionMode, ConnectingIdType,
  ContainmentMode, DateTime, DayOfTheWeek, DeleteMode, ExchangeService, ExchangeVersion, FolderId, ImpersonatedUserId,
  ItemSchema, ItemView, PropertySet, Recurrence, SearchFilter, SendCancellationsMode, SendInvitationsMode,
  SendInvitationsOrCancellationsMode, ServiceError, SortDirection, TimeZoneInfo, Uri, WebCredentials, WellKnownFolderName,
} = ews;

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};

let checks = 0;
const check = (what, fn) => {
  try {
    fn();
    checks++;
  } catch (e) {
    e.message = `${what}: ${e.message}`;
    throw e;
  }
};

const utc = (dateTime) => new Date(dateTime.ToISOString()).toISOString().replace('.000Z', 'Z');

async function main() {
  const service = new ExchangeService(ExchangeVersion.Exchange2010_SP2, TimeZoneInfo.Utc);
  service.Credentials = new WebCredentials(env('EWS_USER'), env('EWS_PASSWORD'));
  service.Url = new Uri(env('EWS_URL'));
  service.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, env('EWS_MAILBOX'));
  const calendar = new FolderId(WellKnownFolderName.Calendar);

  // A weekly meeting, six Mondays from 2 March 2026 at 09:00 Berlin time, with an attendee; nothing is sent.
  const meeting = new Appointment(service);
  meeting.Subject = 'Pipeline review (JS)';
  meeting.Location = 'Room 4';
  meeting.Start = DateTime.Parse('2026-03-02T08:00:00Z');
  meeting.End = DateTime.Parse('2026-03-02T08:30:00Z');
  meeting.StartTimeZone = TimeZoneInfo.FindSystemTimeZoneById('W. Europe Standard Time');
  const weekly = new Recurrence.WeeklyPattern(DateTime.Parse('2026-03-02T00:00:00Z'), 1, [DayOfTheWeek.Monday]);
  weekly.NumberOfOccurrences = 6;
  meeting.Recurrence = weekly;
  meeting.RequiredAttendees.Add('pat@customer.example.com');
  await meeting.Save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
  const id = meeting.Id;

  const master = await Appointment.Bind(service, id, new PropertySet(BasePropertySet.FirstClassProperties));
  check('the master', () => {
    assert.equal(AppointmentType[master.AppointmentType], 'RecurringMaster');
    assert.equal(master.Subject, 'Pipeline review (JS)');
    assert.equal(master.StartTimeZone.Id, 'W. Europe Standard Time');
    assert.ok(master.Recurrence instanceof Recurrence.WeeklyPattern, 'a weekly pattern');
    assert.equal(master.Recurrence.NumberOfOccurrences, 6);
    assert.equal(master.RequiredAttendees.Count, 1);
    assert.equal(master.RequiredAttendees._getItem(0).Address, 'pat@customer.example.com');
    assert.equal(utc(master.LastOccurrence.Start), '2026-04-06T07:00:00Z');
  });

  // The calendar view: 09:00 in Berlin is 08:00 UTC in winter and 07:00 UTC from 29 March.
  const view = await service.FindAppointments(calendar,
      new CalendarView(DateTime.Parse('2026-03-01T00:00:00Z'), DateTime.Parse('2026-04-30T00:00:00Z')));
  check('the calendar view', () => {
    assert.deepEqual(view.Items.map((a) => utc(a.Start)), ['2026-03-02T08:00:00Z', '2026-03-09T08:00:00Z',
      '2026-03-16T08:00:00Z', '2026-03-23T08:00:00Z', '2026-03-30T07:00:00Z', '2026-04-06T07:00:00Z']);
    assert.ok(view.Items.every((a) => AppointmentType[a.AppointmentType] === 'Occurrence'));
  });

  // One occurrence changed, one deleted.
  const second = await Appointment.BindToOccurrence(service, id, 2);
  second.Subject = 'Pipeline review (JS, moved)';
  await second.Update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
  const third = await Appointment.BindToOccurrence(service, id, 3);
  await third.Delete(DeleteMode.MoveToDeletedItems, SendCancellationsMode.SendToNone);
  const after = await Appointment.Bind(service, id, new PropertySet(BasePropertySet.FirstClassProperties));
  check('the exception and the deletion', () => {
    assert.equal(after.ModifiedOccurrences.Count, 1);
    assert.equal(utc(after.ModifiedOccurrences._getItem(0).OriginalStart), '2026-03-09T08:00:00Z');
    assert.equal(after.DeletedOccurrences.Count, 1);
    assert.equal(utc(after.DeletedOccurrences._getItem(0).OriginalStart), '2026-03-16T08:00:00Z');
  });
  const shown = await service.FindAppointments(calendar,
      new CalendarView(DateTime.Parse('2026-03-01T00:00:00Z'), DateTime.Parse('2026-03-20T00:00:00Z')));
  check('the view after the changes', () => {
    assert.deepEqual(shown.Items.map((a) => `${AppointmentType[a.AppointmentType]} ${a.Subject}`),
        ['Occurrence Pipeline review (JS)', 'Exception Pipeline review (JS, moved)']);
  });
  await assert.rejects(Appointment.BindToOccurrence(service, id, 3),
      (e) => ServiceError[e.ErrorCode] === 'ErrorCalendarOccurrenceIsDeletedFromRecurrence');
  checks++;

  // A calendar write without SendMeetingInvitations is refused, as by Exchange.
  const bare = new Appointment(service);
  bare.Subject = 'No attribute';
  bare.Start = DateTime.Parse('2026-05-04T08:00:00Z');
  bare.End = DateTime.Parse('2026-05-04T09:00:00Z');
  const refused = await service.CreateItems([bare], calendar, null, null);
  check('the missing SendMeetingInvitations', () => {
    assert.equal(ServiceError[refused.Responses[0].ErrorCode], 'ErrorSendMeetingInvitationsRequired');
  });

  // FindItem: sorted, filtered by a Contains mode, never with bodies.
  for (const subject of ['Alpha plan', 'beta planning', 'Gamma']) {
    const single = new Appointment(service);
    single.Subject = subject;
    single.Body = new ews.MessageBody(ews.BodyType.Text, `Notes on ${subject}`);
    single.Start = DateTime.Parse('2026-06-01T09:00:00Z');
    single.End = DateTime.Parse('2026-06-01T10:00:00Z');
    await single.Save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
  }
  const sorted = new ItemView(10);
  sorted.OrderBy.Add(ItemSchema.Subject, SortDirection.Descending);
  const filter = new SearchFilter.ContainsSubstring(ItemSchema.Subject, 'plan', ContainmentMode.Substring, ComparisonMode.IgnoreCase);
  const found = await service.FindItems(calendar, filter, sorted);
  check('FindItem with SortOrder and Contains', () => {
    assert.deepEqual(found.Items.map((i) => i.Subject), ['beta planning', 'Alpha plan']);
  });
  const prefixed = await service.FindItems(calendar, new SearchFilter.ContainsSubstring(ItemSchema.Subject, 'alpha',
      ContainmentMode.Prefixed, ComparisonMode.Exact), new ItemView(10));
  check('a case-sensitive prefix', () => assert.equal(prefixed.Items.length, 0));

  const stats = await (await fetch(`${env('SIM_URL')}/sim/stats`)).json();
  check('no meeting message sent', () => assert.equal(stats.meetingMessagesSent, 0));
  check('every response schema-valid', () => assert.equal(stats.schemaViolations, 0));
  console.log(`OK ${checks} checks`);
}

main().then(() => process.exit(0), (e) => {
  console.log(`FAILED ${e && e.message ? e.message : e}`);
  if (e && e.stack) {
    console.log(e.stack);
  }
  process.exit(1);
});
