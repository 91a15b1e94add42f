package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.ComparisonMode;
import microsoft.exchange.webservices.data.core.enumeration.search.ContainmentMode;
import microsoft.exchange.webservices.data.core.enumeration.search.SortDirection;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.time.OlsonTimeZoneDefinition;
import microsoft.exchange.webservices.data.search.CalendarView;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FindItem on the calendar as Exchange answers it: no bodies, SortOrder, Contains modes, CalendarView's limits; time-zone shapes. */
class EwsCalendarQueriesIT extends ExchangeTestbedSupport {

  private static final FolderId CALENDAR = new FolderId(WellKnownFolderName.Calendar);
  private ExchangeService service;

  @BeforeEach
  void threeEvents() throws Exception {
    service = service(ANN);
    for (String[] e : new String[][] {{"Quarterly planning", "2026-06-01T09:00:00Z"}, {"Plan B review", "2026-06-02T09:00:00Z"},
        {"Café with Zoë", "2026-06-03T09:00:00Z"}}) {
      sim.createEvent(ANN, new JsonObject().put("subject", e[0]).put("body", "Agenda: " + e[0]).put("start", e[1])
          .put("end", Instant.parse(e[1]).plusSeconds(3600).toString()));
    }
  }

  private List<String> subjects(SearchFilter filter) throws Exception {
    ItemView view = new ItemView(10);
    view.getOrderBy().add(ItemSchema.Subject, SortDirection.Ascending);
    return service.findItems(CALENDAR, filter, view).getItems().stream().map(i -> {
      try {
        return i.getSubject();
      } catch (Exception ex) {
        throw new IllegalStateException(ex);
      }
    }).toList();
  }

  @Test
  void sortOrder_ascendingAndDescending() throws Exception {
    ItemView view = new ItemView(10);
    view.getOrderBy().add(ItemSchema.Subject, SortDirection.Descending);
    assertThat(service.findItems(CALENDAR, view).getItems()).extracting(Item::getSubject)
        .containsExactly("Quarterly planning", "Plan B review", "Café with Zoë");
  }

  @Test
  void contains_followsItsContainmentModeAndComparison() throws Exception {
    assertThat(subjects(new SearchFilter.ContainsSubstring(ItemSchema.Subject, "plan", ContainmentMode.Substring,
        ComparisonMode.IgnoreCase))).containsExactly("Plan B review", "Quarterly planning");
    assertThat(subjects(new SearchFilter.ContainsSubstring(ItemSchema.Subject, "plan", ContainmentMode.Substring,
        ComparisonMode.Exact))).containsExactly("Quarterly planning");
    assertThat(subjects(new SearchFilter.ContainsSubstring(ItemSchema.Subject, "plan", ContainmentMode.Prefixed,
        ComparisonMode.IgnoreCase))).containsExactly("Plan B review");
    assertThat(subjects(new SearchFilter.ContainsSubstring(ItemSchema.Subject, "plan", ContainmentMode.PrefixOnWords,
        ComparisonMode.IgnoreCase))).containsExactly("Plan B review", "Quarterly planning");
    assertThat(subjects(new SearchFilter.ContainsSubstring(ItemSchema.Subject, "b review", ContainmentMode.ExactPhrase,
        ComparisonMode.IgnoreCase))).containsExactly("Plan B review");
    assertThat(subjects(new SearchFilter.ContainsSubstring(ItemSchema.Subject, "plan", ContainmentMode.FullString,
        ComparisonMode.IgnoreCase))).isEmpty();
    assertThat(subjects(new SearchFilter.ContainsSubstring(ItemSchema.Subject, "cafe with zoe", ContainmentMode.FullString,
        ComparisonMode.IgnoreCaseAndNonSpacingCharacters))).containsExactly("Café with Zoë");
  }

  @Test
  void findItem_neverReturnsBodies_andRefusesToBeAskedForOne() throws Exception {
    String find = "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape>%s</m:ItemShape>"
        + "<m:ParentFolderIds><t:DistinguishedFolderId Id=\"calendar\"/></m:ParentFolderIds></m:FindItem>";
    HttpResponse<String> all = post(HEAD + find.formatted("") + TAIL);
    assertThat(all.body()).contains("<t:Subject>Plan B review</t:Subject>").doesNotContain("<t:Body").doesNotContain("Agenda");
    HttpResponse<String> body = post(HEAD + find.formatted(
        "<t:AdditionalProperties><t:FieldURI FieldURI=\"item:Body\"/></t:AdditionalProperties>") + TAIL);
    assertThat(body.body()).contains("<m:ResponseCode>ErrorInvalidPropertyForOperation</m:ResponseCode>")
        .contains("<m:MessageText>Property is not valid for this operation.</m:MessageText>")
        .contains("<t:FieldURI FieldURI=\"item:Body\"/>");
    // GetItem gives the body.
    Item first = service.findItems(CALENDAR, new ItemView(1)).getItems().get(0);
    assertThat(Item.bind(service, first.getId()).getBody().toString()).startsWith("Agenda: ");
  }

  @Test
  void calendarView_refusesARestriction_aRangeOverTwoYears_andNonCalendarFolders() throws Exception {
    String view = "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>"
        + "<m:CalendarView StartDate=\"2026-06-01T00:00:00Z\" EndDate=\"%s\"/>%s"
        + "<m:ParentFolderIds><t:DistinguishedFolderId Id=\"%s\"/></m:ParentFolderIds></m:FindItem>";
    String restriction = "<m:Restriction><t:Exists><t:FieldURI FieldURI=\"item:Subject\"/></t:Exists></m:Restriction>";
    assertThat(post(HEAD + view.formatted("2026-07-01T00:00:00Z", restriction, "calendar") + TAIL).body())
        .contains("<m:ResponseCode>ErrorInvalidRequest</m:ResponseCode>")
        .contains("Restrictions and sort order may not be specified for a CalendarView.");
    assertThat(post(HEAD + view.formatted("2026-07-01T00:00:00Z", "", "contacts") + TAIL).body())
        .contains("<m:ResponseCode>ErrorCalendarFolderIsInvalidForCalendarView</m:ResponseCode>");
    assertThatThrownBy(() -> service.findAppointments(CALENDAR,
        new CalendarView(Date.from(Instant.parse("2026-01-01T00:00:00Z")), Date.from(Instant.parse("2028-01-02T00:00:00Z")))))
        .satisfies(e -> assertThat(ewsError(e)).isEqualTo(ServiceError.ErrorCalendarViewRangeTooBig))
        .hasMessageContaining("The specified view range exceeds the maximum range of two years.");
  }

  @Test
  void calendarView_returnsTheFirstMaxEntries_andSaysMoreAreLeft() throws Exception {
    var found = service.findAppointments(CALENDAR, new CalendarView(Date.from(Instant.parse("2026-06-01T00:00:00Z")),
        Date.from(Instant.parse("2026-07-01T00:00:00Z")), 2));
    assertThat(found.getItems()).extracting(Appointment::getSubject).containsExactly("Quarterly planning", "Plan B review");
    assertThat(found.isMoreAvailable()).isTrue();
    assertThat(found.getTotalCount()).isEqualTo(3);
  }

  @Test
  void calendarView_pastTheFindCountLimit_isRefused_unlessMaxEntriesKeepsItUnder() throws Exception {
    for (String subject : new String[] {"Daily A", "Daily B"}) {
      sim.createEvent(ANN, new JsonObject().put("subject", subject).put("start", "2026-01-01T07:00:00Z")
          .put("end", "2026-01-01T07:15:00Z").put("recurrence", "FREQ=DAILY"));
    }
    Date from = Date.from(Instant.parse("2026-01-01T00:00:00Z"));
    Date to = Date.from(Instant.parse("2027-12-31T00:00:00Z"));
    assertThatThrownBy(() -> service.findAppointments(CALENDAR, new CalendarView(from, to)))
        .satisfies(e -> assertThat(ewsError(e)).isEqualTo(ServiceError.ErrorExceededFindCountLimit));
    var first = service.findAppointments(CALENDAR, new CalendarView(from, to, 500));
    assertThat(first.getItems()).hasSize(500);
    assertThat(first.isMoreAvailable()).isTrue();
  }

  @Test
  void aTimeZoneContextHeader_placesTimesWithoutOffset_andBecomesTheItemsZone() throws Exception {
    String create = "<m:CreateItem SendMeetingInvitations=\"SendToNone\"><m:Items><t:CalendarItem><t:Subject>Local lunch</t:Subject>"
        + "<t:Start>2026-07-01T12:00:00</t:Start><t:End>2026-07-01T13:00:00</t:End></t:CalendarItem></m:Items></m:CreateItem>";
    String head = HEAD.replace("</soap:Header>", "<t:TimeZoneContext><t:TimeZoneDefinition Id=\"W. Europe Standard Time\"/>"
        + "</t:TimeZoneContext></soap:Header>");
    assertThat(post(head + create + TAIL).body()).contains("ResponseClass=\"Success\"");
    JsonObject lunch = sim.events(ANN).stream().map(JsonObject.class::cast).filter(e -> e.getString("subject").equals("Local lunch"))
        .findFirst().orElseThrow();
    assertThat(lunch.getString("start")).isEqualTo("2026-07-01T10:00:00Z");
    assertThat(lunch.getString("startTimeZone")).isEqualTo("W. Europe Standard Time");

    String unknown = HEAD.replace("</soap:Header>", "<t:TimeZoneContext><t:TimeZoneDefinition Id=\"Atlantis Standard Time\"/>"
        + "</t:TimeZoneContext></soap:Header>");
    assertThat(post(unknown + create + TAIL).body()).contains("a:ErrorTimeZone");
  }

  @Test
  void anAllDayEvent_isWholeDaysFromLocalMidnight_inItsTimeZone() throws Exception {
    Appointment a = new Appointment(service);
    a.setSubject("Offsite");
    a.setIsAllDayEvent(true);
    a.setStart(Date.from(Instant.parse("2026-06-10T00:00:00Z")));
    a.setEnd(Date.from(Instant.parse("2026-06-11T00:00:00Z")));
    a.setStartTimeZone(new OlsonTimeZoneDefinition(TimeZone.getTimeZone("Europe/Berlin")));
    a.save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
    Appointment read = Appointment.bind(service, a.getId());
    assertThat(read.getStart().toInstant()).isEqualTo(Instant.parse("2026-06-09T22:00:00Z"));
    assertThat(read.getEnd().toInstant()).isEqualTo(Instant.parse("2026-06-10T22:00:00Z"));
    JsonObject inOutlook = sim.events(ANN).stream().map(JsonObject.class::cast).filter(e -> e.getString("subject").equals("Offsite"))
        .findFirst().orElseThrow();
    assertThat(inOutlook.getString("start")).isEqualTo("2026-06-10");
    assertThat(inOutlook.getString("end")).isEqualTo("2026-06-11");
  }

  @Test
  void theLegacyMeetingTimeZone_ofAnExchange2007Client_isUnderstood() throws Exception {
    ExchangeService legacy = service(ANN);
    ExchangeService old = new ExchangeService(ExchangeVersion.Exchange2007_SP1);
    old.setCredentials(new microsoft.exchange.webservices.data.credential.WebCredentials(SERVICE, PASSWORD));
    old.setUrl(new java.net.URI(bed.ewsUrl()));
    old.setImpersonatedUserId(new microsoft.exchange.webservices.data.misc.ImpersonatedUserId(
        microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType.SmtpAddress, ANN));
    Appointment a = new Appointment(old);
    a.setSubject("Legacy");
    a.setStartTimeZone(new OlsonTimeZoneDefinition(TimeZone.getTimeZone("America/New_York")));
    a.setStart(Date.from(Instant.parse("2026-07-01T13:00:00Z")));
    a.setEnd(Date.from(Instant.parse("2026-07-01T14:00:00Z")));
    a.save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
    assertThat(Appointment.bind(legacy, a.getId(), PropertySet.FirstClassProperties).getStartTimeZone().getId())
        .isEqualTo("Eastern Standard Time");
    // Asked for by name, the legacy shape comes back too (and is schema-checked like every response).
    String get = "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>"
        + "<t:FieldURI FieldURI=\"calendar:MeetingTimeZone\"/></t:AdditionalProperties></m:ItemShape><m:ItemIds>"
        + "<t:ItemId Id=\"" + a.getId().getUniqueId() + "\"/></m:ItemIds></m:GetItem>";
    assertThat(post(HEAD + get + TAIL).body()).contains("<t:MeetingTimeZone TimeZoneName=\"Eastern Standard Time\">"
        + "<t:BaseOffset>PT5H</t:BaseOffset>");
  }
}
