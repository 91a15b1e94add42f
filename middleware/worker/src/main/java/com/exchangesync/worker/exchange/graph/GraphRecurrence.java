package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.ExchangeRecurrence;
import com.exchangesync.worker.exchange.ExchangeRecurrence.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link ExchangeRecurrence} to Graph's {@code patternedRecurrence} and back:
 * {@code pattern} ({@code daily}, {@code weekly}, {@code absoluteMonthly},
 * {@code relativeMonthly}, {@code absoluteYearly}, {@code relativeYearly}, with
 * {@code interval}, {@code daysOfWeek}, {@code dayOfMonth}, {@code month},
 * {@code index}) and {@code range} ({@code numbered}, {@code endDate},
 * {@code noEnd}; dates in the series' zone, which {@code recurrenceTimeZone}
 * names). Weeks start on Sunday ({@link ExchangeRecurrence#WEEK_START}), as the
 * EWS side writes them, so a series reads the same through both protocols.
 */
final class GraphRecurrence {

  private static final List<String> INDEXES = List.of("first", "second", "third", "fourth");

  private GraphRecurrence() {}

  static JsonObject write(ExchangeRecurrence r, String windowsZone) {
    JsonObject pattern = new JsonObject().put("type", type(r.kind()))
        .put("interval", r.kind() == Kind.ABSOLUTE_YEARLY || r.kind() == Kind.RELATIVE_YEARLY ? 1 : r.interval());
    switch (r.kind()) {
      case WEEKLY -> pattern.put("daysOfWeek", days(r.days())).put("firstDayOfWeek", name(ExchangeRecurrence.WEEK_START));
      case ABSOLUTE_MONTHLY -> pattern.put("dayOfMonth", r.dayOfMonth());
      case RELATIVE_MONTHLY -> pattern.put("daysOfWeek", days(r.days())).put("index", index(r.weekIndex()));
      case ABSOLUTE_YEARLY -> pattern.put("dayOfMonth", r.dayOfMonth()).put("month", r.month().getValue());
      case RELATIVE_YEARLY -> pattern.put("daysOfWeek", days(r.days())).put("index", index(r.weekIndex()))
          .put("month", r.month().getValue());
      default -> { }
    }
    JsonObject range = new JsonObject().put("startDate", r.startDate().toString()).put("recurrenceTimeZone", windowsZone);
    if (r.count() > 0) {
      range.put("type", "numbered").put("numberOfOccurrences", r.count());
    } else if (r.endDate().isPresent()) {
      range.put("type", "endDate").put("endDate", r.endDate().get().toString());
    } else {
      range.put("type", "noEnd");
    }
    return new JsonObject().put("pattern", pattern).put("range", range);
  }

  /**
   * The pattern of a series whose first occurrence falls on {@code firstDay}, or
   * empty for one a calendar item cannot have.
   *
   * @throws IllegalArgumentException for a pattern Graph should not have given
   */
  static Optional<ExchangeRecurrence> read(JsonObject recurrence, LocalDate firstDay) {
    JsonObject p = recurrence.getJsonObject("pattern");
    JsonObject r = recurrence.getJsonObject("range");
    if (p == null || r == null || p.getString("type") == null) {
      return Optional.empty();
    }
    Kind kind = switch (p.getString("type")) {
      case "daily" -> Kind.DAILY;
      case "weekly" -> Kind.WEEKLY;
      case "absoluteMonthly" -> Kind.ABSOLUTE_MONTHLY;
      case "relativeMonthly" -> Kind.RELATIVE_MONTHLY;
      case "absoluteYearly" -> Kind.ABSOLUTE_YEARLY;
      case "relativeYearly" -> Kind.RELATIVE_YEARLY;
      default -> null;
    };
    if (kind == null) {
      return Optional.empty();
    }
    boolean yearly = kind == Kind.ABSOLUTE_YEARLY || kind == Kind.RELATIVE_YEARLY;
    boolean relative = kind == Kind.RELATIVE_MONTHLY || kind == Kind.RELATIVE_YEARLY;
    int interval = yearly ? 1 : Math.max(1, p.getInteger("interval", 1));
    List<DayOfWeek> days = kind == Kind.WEEKLY || relative ? days(p.getJsonArray("daysOfWeek")) : List.of();
    int dayOfMonth = kind == Kind.ABSOLUTE_MONTHLY || kind == Kind.ABSOLUTE_YEARLY ? p.getInteger("dayOfMonth", 0) : 0;
    int weekIndex = relative ? index(p.getString("index", "first")) : 0;
    Month month = yearly ? Month.of(p.getInteger("month", 1)) : null;
    int count = 0;
    Optional<LocalDate> end = Optional.empty();
    switch (r.getString("type", "noEnd")) {
      case "numbered" -> count = r.getInteger("numberOfOccurrences", 0);
      case "endDate" -> end = Optional.of(date(r.getString("endDate")));
      default -> { }
    }
    return Optional.of(new ExchangeRecurrence(kind, interval, days, dayOfMonth, weekIndex, month, firstDay, count, end));
  }

  private static String type(Kind kind) {
    return switch (kind) {
      case DAILY -> "daily";
      case WEEKLY -> "weekly";
      case ABSOLUTE_MONTHLY -> "absoluteMonthly";
      case RELATIVE_MONTHLY -> "relativeMonthly";
      case ABSOLUTE_YEARLY -> "absoluteYearly";
      case RELATIVE_YEARLY -> "relativeYearly";
    };
  }

  private static JsonArray days(List<DayOfWeek> days) {
    JsonArray out = new JsonArray();
    days.forEach(d -> out.add(name(d)));
    return out;
  }

  private static List<DayOfWeek> days(JsonArray names) {
    List<DayOfWeek> out = new ArrayList<>();
    if (names != null) {
      for (Object o : names) {
        out.add(DayOfWeek.valueOf(String.valueOf(o).toUpperCase(Locale.ROOT)));
      }
    }
    return out;
  }

  private static String name(DayOfWeek d) {
    return d.name().toLowerCase(Locale.ROOT);
  }

  private static String index(int weekIndex) {
    return weekIndex == -1 ? "last" : INDEXES.get(weekIndex - 1);
  }

  private static int index(String name) {
    return name.equalsIgnoreCase("last") ? -1 : INDEXES.indexOf(name.toLowerCase(Locale.ROOT)) + 1;
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("Microsoft Graph gave the recurrence end date '" + text + "', which is not a date");
    }
  }
}
