package com.exchangesync.testbed.demo;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each demo rep's calendar holds on both sides, read through the test beds'
 * admin APIs: one line per rep, so the demo shows where its events went.
 * {@code scripts/demo --once} runs it after the cycle:
 * {@code DemoCalendars <exchange base URL> <salesforce base URL>}.
 */
public final class DemoCalendars {

  private static final Map<String, String> REPS = Map.of(DemoOrg.MARIA_MAIL, DemoOrg.MARIA, DemoOrg.TOM_MAIL, DemoOrg.TOM,
      DemoOrg.LEE_MAIL, DemoOrg.LEE);

  private DemoCalendars() {}

  /** Prints the lines; exits 2 without the two URLs, 1 when a test bed does not answer. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: DemoCalendars <exchange base URL> <salesforce base URL>");
      System.exit(2);
    }
    try {
      lines(new ExchangeSimClient(args[0]), new SalesforceSimClient(args[1]), LocalDate.now(DemoEvents.ZONE))
          .forEach(System.out::println);
    } catch (RuntimeException e) {
      System.err.println("Reading the demo's calendars failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** A heading and one line per rep: the events from {@code today} to a year ahead in Outlook and in Salesforce. */
  static List<String> lines(ExchangeSimClient ex, SalesforceSimClient sf, LocalDate today) {
    ZonedDateTime from = today.atStartOfDay(DemoEvents.ZONE);
    ZonedDateTime to = from.plusYears(1);
    List<JsonObject> salesforce = sf.records("Event").stream().map(JsonObject.class::cast)
        .filter(e -> !Boolean.TRUE.equals(e.getBoolean("IsChild")))
        .filter(e -> !instant(e, "EndDateTime").isBefore(from.toInstant()) && instant(e, "StartDateTime").isBefore(to.toInstant()))
        .toList();
    List<String> out = new ArrayList<>();
    out.add("Events from today to a year ahead, per rep:");
    for (String mail : List.of(DemoOrg.MARIA_MAIL, DemoOrg.TOM_MAIL, DemoOrg.LEE_MAIL)) {
      List<JsonObject> outlook = ex.events(mail, from.toOffsetDateTime().toString(), to.toOffsetDateTime().toString()).stream()
          .map(JsonObject.class::cast).toList();
      long outlookSeries = outlook.stream().filter(e -> e.getString("seriesId") != null).count();
      long outlookPrivate = outlook.stream().filter(e -> "Private".equals(e.getString("sensitivity"))
          || "Confidential".equals(e.getString("sensitivity"))).count();
      List<JsonObject> owned = salesforce.stream().filter(e -> sameUser(e.getString("OwnerId"), REPS.get(mail))).toList();
      long sfSeries = owned.stream().filter(e -> Boolean.TRUE.equals(e.getBoolean("IsRecurrence2"))).count();
      long sfPrivate = owned.stream().filter(e -> Boolean.TRUE.equals(e.getBoolean("IsPrivate"))).count();
      out.add(String.format(Locale.ROOT, "    %-26s Outlook %2d%-28s Salesforce %2d%s", mail, outlook.size(),
          detail(outlookSeries, outlookPrivate), owned.size(), detail(sfSeries, sfPrivate)));
    }
    return out;
  }

  private static String detail(long ofSeries, long privateOnes) {
    List<String> parts = new ArrayList<>();
    if (ofSeries > 0) {
      parts.add(ofSeries + " of a series");
    }
    if (privateOnes > 0) {
      parts.add(privateOnes + " private");
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  /** A Salesforce event's start or end (an all-day event's are midnights in GMT: close enough for a count). */
  private static Instant instant(JsonObject event, String field) {
    String value = event.getString(field);
    return value == null ? Instant.MIN : Instant.parse(value);
  }

  /** Salesforce ids name one record in their 15- and 18-character forms alike. */
  private static boolean sameUser(String a, String b) {
    return a != null && b != null && a.length() >= 15 && b.length() >= 15 && a.substring(0, 15).equals(b.substring(0, 15));
  }
}
