package com.exchangesync.testbed.demo;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The demo's calendar events, each showing one thing the events sync does. Dates
 * are counted from the day the demo is seeded, so its events always lie ahead of
 * the configuration's event filter ({@code TODAY}); both reps work in Berlin.
 * <ul>
 *   <li>Maria's Outlook: "Pipeline review", a weekly series on Mondays at 09:00
 *       Europe/Berlin, {@value #SERIES_OCCURRENCES} occurrences, the third moved to
 *       11:00 and the fifth cancelled (a series in Salesforce, with its exception
 *       and without the cancelled one); "Dentist", a private appointment, which
 *       stays in Outlook (the demo configuration does not sync private events).</li>
 *   <li>Maria's Salesforce: "Customer visit", a timed event with her contact Ana
 *       Silva invited (an Outlook meeting with Ana as attendee, nobody sent anything).</li>
 *   <li>Tom's Salesforce: "Trade fair", two whole days (an all-day event of dates in
 *       Outlook); "Quarterly review" with Patricia Jones as its contact.</li>
 *   <li>Tom's Outlook: "Partner onboarding", a meeting with one of his Salesforce
 *       contacts and an outsider as attendees (the contact becomes the event's
 *       invitee in Salesforce; the outsider stays in Exchange only).</li>
 *   <li>Lee's Salesforce: "Team lunch", which stays there (Lee is in no configuration).</li>
 * </ul>
 */
public final class DemoEvents {

  /** The reps' time zone, in Salesforce ({@code TimeZoneSidKey}) and Outlook. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  public static final String SERIES = "Pipeline review";
  public static final int SERIES_OCCURRENCES = 8;
  /** The occurrence moved to 11:00 (1-based). */
  public static final int MOVED_OCCURRENCE = 3;
  /** The occurrence cancelled (1-based). */
  public static final int CANCELLED_OCCURRENCE = 5;
  public static final String PRIVATE = "Dentist";
  public static final String CUSTOMER_VISIT = "Customer visit";
  public static final String CUSTOMER_VISIT_INVITEE = "ana.silva@customer0.example.com";
  public static final String TRADE_FAIR = "Trade fair";
  public static final int TRADE_FAIR_DAYS = 2;
  public static final String QUARTERLY_REVIEW = "Quarterly review";
  public static final String MEETING = "Partner onboarding";
  /** A Salesforce contact of Tom's (his "Account2"), invited to the meeting in Outlook. */
  public static final String MEETING_INVITEE = "toms.account2@partner2.example.com";
  /** An attendee Salesforce does not know: stays an attendee in Exchange only. */
  public static final String MEETING_OUTSIDER = "guest@outside.example.com";
  public static final String LEE_LUNCH = "Team lunch";

  private DemoEvents() {}

  /** The Monday the series starts on: the first after {@code today}. */
  public static LocalDate seriesStart(LocalDate today) {
    return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
  }

  /** The first day of the trade fair. */
  public static LocalDate tradeFairStart(LocalDate today) {
    return today.plusDays(10);
  }

  /**
   * Seeds the events; the reps, their mailboxes and contacts exist already ({@link DemoOrg}).
   *
   * @param today the demo's today in {@link #ZONE}
   */
  static void seed(ExchangeSimClient ex, SalesforceSimClient sf, LocalDate today) {
    seedSeries(ex, DemoOrg.MARIA_MAIL, today);
    ex.createEvent(DemoOrg.MARIA_MAIL, timed(PRIVATE, today.plusDays(3), LocalTime.of(8, 0), 60).put("sensitivity", "Private"));

    String visit = sf.create("Event", salesforceTimed(CUSTOMER_VISIT, today.plusDays(2), LocalTime.of(15, 0), 90)
        .put("Location", "Customer0, Lisbon").put("Description", "Walk through the renewal offer.")
        .put("OwnerId", DemoOrg.MARIA)).getString("Id");
    sf.create("EventRelation", new JsonObject().put("EventId", visit).put("RelationId", contactId(sf, CUSTOMER_VISIT_INVITEE))
        .put("IsInvitee", true));

    sf.create("Event", new JsonObject().put("Subject", TRADE_FAIR).put("IsAllDayEvent", true)
        .put("ActivityDate", tradeFairStart(today).toString()).put("DurationInMinutes", TRADE_FAIR_DAYS * 1440)
        .put("Location", "Messe Frankfurt").put("ShowAs", "OutOfOffice").put("OwnerId", DemoOrg.TOM));
    sf.create("Event", salesforceTimed(QUARTERLY_REVIEW, today.plusDays(21), LocalTime.of(10, 0), 60)
        .put("WhoId", contactId(sf, "pat.jones@acme.example.com", "Patricia")).put("OwnerId", DemoOrg.TOM));
    ex.createEvent(DemoOrg.TOM_MAIL, timed(MEETING, today.plusDays(4), LocalTime.of(14, 0), 60).put("location", "Teams")
        .put("attendees", new JsonArray()
            .add(new JsonObject().put("email", MEETING_INVITEE).put("name", "Tom's Account2").put("type", "Required"))
            .add(new JsonObject().put("email", MEETING_OUTSIDER).put("name", "Outside Guest").put("type", "Optional"))));

    sf.create("Event", salesforceTimed(LEE_LUNCH, today.plusDays(1), LocalTime.of(12, 30), 60).put("OwnerId", DemoOrg.LEE));
  }

  /** The weekly series in Maria's Outlook, with its moved and its cancelled occurrence. */
  private static void seedSeries(ExchangeSimClient ex, String mailbox, LocalDate today) {
    LocalDate monday = seriesStart(today);
    String series = ex.createEvent(mailbox, timed(SERIES, monday, LocalTime.of(9, 0), 45).put("location", "Room 2.14")
        .put("recurrence", "FREQ=WEEKLY;BYDAY=MO;COUNT=" + SERIES_OCCURRENCES)).getString("id");
    List<JsonObject> occurrences = ex.events(mailbox, iso(monday.atStartOfDay(ZONE)),
            iso(monday.plusWeeks(SERIES_OCCURRENCES).atStartOfDay(ZONE))).stream().map(JsonObject.class::cast)
        .filter(e -> series.equals(e.getString("seriesId"))).toList();
    if (occurrences.size() != SERIES_OCCURRENCES) {
      throw new IllegalStateException("the demo series has " + occurrences.size() + " occurrences, not " + SERIES_OCCURRENCES);
    }
    LocalDate movedDay = monday.plusWeeks(MOVED_OCCURRENCE - 1);
    ex.updateOccurrence(mailbox, series, occurrences.get(MOVED_OCCURRENCE - 1).getString("originalStart"), new JsonObject()
        .put("start", iso(movedDay.atTime(11, 0).atZone(ZONE))).put("end", iso(movedDay.atTime(11, 45).atZone(ZONE))));
    ex.deleteOccurrence(mailbox, series, occurrences.get(CANCELLED_OCCURRENCE - 1).getString("originalStart"));
  }

  /** An Outlook event at a local time in {@link #ZONE}. */
  private static JsonObject timed(String subject, LocalDate day, LocalTime at, int minutes) {
    ZonedDateTime start = day.atTime(at).atZone(ZONE);
    return new JsonObject().put("subject", subject).put("start", iso(start)).put("end", iso(start.plusMinutes(minutes)))
        .put("startTimeZone", ZONE.getId());
  }

  /** A Salesforce event at a local time in {@link #ZONE}. */
  private static JsonObject salesforceTimed(String subject, LocalDate day, LocalTime at, int minutes) {
    ZonedDateTime start = day.atTime(at).atZone(ZONE);
    return new JsonObject().put("Subject", subject).put("StartDateTime", iso(start))
        .put("EndDateTime", iso(start.plusMinutes(minutes)));
  }

  private static String iso(ZonedDateTime t) {
    return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** The id of the contact with this email (and first name, where two share it). */
  private static String contactId(SalesforceSimClient sf, String email, String... firstName) {
    return sf.records("Contact").stream().map(JsonObject.class::cast)
        .filter(c -> email.equalsIgnoreCase(c.getString("Email")))
        .filter(c -> firstName.length == 0 || firstName[0].equals(c.getString("FirstName")))
        .map(c -> c.getString("Id")).findFirst()
        .orElseThrow(() -> new IllegalStateException("the demo has no contact " + email));
  }
}
