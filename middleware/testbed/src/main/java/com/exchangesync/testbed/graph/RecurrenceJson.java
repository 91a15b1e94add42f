package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.CalendarZone;
import com.exchangesync.testbed.exchange.Recurrence;
import com.exchangesync.testbed.exchange.RecurrencePattern;
import com.exchangesync.testbed.exchange.RecurrenceRange;
import com.exchangesync.testbed.exchange.ResponseMessageError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Graph's {@code patternedRecurrence} ({@code pattern}: {@code daily},
 * {@code weekly}, {@code absoluteMonthly}, {@code relativeMonthly},
 * {@code absoluteYearly}, {@code relativeYearly}; {@code range}:
 * {@code endDate}, {@code noEnd}, {@code numbered}) to and from the store's
 * recurrence, which is EWS's: a relative pattern's {@code daysOfWeek} is one
 * day, every day, the weekdays or the weekend days; a yearly pattern has no
 * interval but 1. Exchange's own refusals (an interval or count out of range,
 * a weekly pattern without days) keep their codes.
 */
final class RecurrenceJson {

  private static final List<String> INDEXES = List.of("first", "second", "third", "fourth", "last");
  private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

  private RecurrenceJson() {}

  /**
   * The recurrence a request body gives.
   *
   * @throws GraphError for a recurrence Graph or Exchange refuses
   */
  static Recurrence read(Object raw) {
    if (!(raw instanceof JsonObject json) || !(json.getValue("pattern") instanceof JsonObject p)
        || !(json.getValue("range") instanceof JsonObject r)) {
      throw GraphError.badRequest("'recurrence' takes {\"pattern\": {…}, \"range\": {…}}.");
    }
    String type = enumText(p.getValue("type"), "pattern.type");
    int interval = p.getInteger("interval", 1);
    List<DayOfWeek> days = days(p.getValue("daysOfWeek"));
    DayOfWeek firstDay = p.getValue("firstDayOfWeek") == null ? DayOfWeek.SUNDAY : day(enumText(p.getValue("firstDayOfWeek"), "firstDayOfWeek"));
    int dayOfMonth = p.getInteger("dayOfMonth", 0);
    int monthNumber = p.getInteger("month", 0);
    String index = p.getValue("index") == null ? "first" : enumText(p.getValue("index"), "index");
    if (!INDEXES.contains(index)) {
      throw notFound(index);
    }
    String weekIndex = RecurrencePattern.WEEK_INDEXES.get(INDEXES.indexOf(index));
    Month month = monthNumber >= 1 && monthNumber <= 12 ? Month.of(monthNumber) : null;
    RecurrencePattern pattern = switch (type) {
      case "daily" -> new RecurrencePattern(RecurrencePattern.Kind.DAILY, interval, null, null, 0, null, null, null);
      case "weekly" -> new RecurrencePattern(RecurrencePattern.Kind.WEEKLY, interval, days, firstDay, 0, null, null, null);
      case "absoluteMonthly" -> new RecurrencePattern(RecurrencePattern.Kind.ABSOLUTE_MONTHLY, interval, null, null, dayOfMonth,
          null, null, null);
      case "relativeMonthly" -> new RecurrencePattern(RecurrencePattern.Kind.RELATIVE_MONTHLY, interval, null, null, 0,
          relativeDay(days), weekIndex, null);
      case "absoluteYearly" -> new RecurrencePattern(RecurrencePattern.Kind.ABSOLUTE_YEARLY, yearly(interval), null, null, dayOfMonth,
          null, null, month);
      case "relativeYearly" -> new RecurrencePattern(RecurrencePattern.Kind.RELATIVE_YEARLY, yearly(interval), null, null, 0,
          relativeDay(days), weekIndex, month);
      default -> throw notFound(type);
    };
    String rangeType = enumText(r.getValue("type"), "range.type");
    LocalDate start = date(r.getValue("startDate"), "range.startDate");
    if (start == null) {
      throw new GraphError(400, "ErrorInvalidRequest", "The request is invalid: the recurrence range needs a startDate.");
    }
    RecurrenceRange range = switch (rangeType) {
      case "noEnd" -> new RecurrenceRange(RecurrenceRange.Kind.NO_END, start, null, 0);
      case "endDate" -> {
        LocalDate end = date(r.getValue("endDate"), "range.endDate");
        if (end == null || end.isBefore(start)) {
          throw new GraphError(400, "ErrorInvalidRequest", "The request is invalid: an endDate range needs an endDate on or after its startDate.");
        }
        yield new RecurrenceRange(RecurrenceRange.Kind.END_DATE, start, end, 0);
      }
      case "numbered" -> new RecurrenceRange(RecurrenceRange.Kind.NUMBERED, start, null, r.getInteger("numberOfOccurrences", 0));
      default -> throw notFound(rangeType);
    };
    Recurrence recurrence = new Recurrence(pattern, range);
    try {
      recurrence.validate();
    } catch (ResponseMessageError e) {
      throw new GraphError(400, e.code, e.getMessage());
    }
    return recurrence;
  }

  /** The {@code patternedRecurrence} of a series in {@code zone}. */
  static JsonObject write(Recurrence recurrence, CalendarZone zone) {
    RecurrencePattern p = recurrence.pattern();
    String type = switch (p.kind()) {
      case DAILY -> "daily";
      case WEEKLY -> "weekly";
      case ABSOLUTE_MONTHLY -> "absoluteMonthly";
      case RELATIVE_MONTHLY -> "relativeMonthly";
      case ABSOLUTE_YEARLY -> "absoluteYearly";
      case RELATIVE_YEARLY -> "relativeYearly";
    };
    JsonArray days = new JsonArray();
    if (p.kind() == RecurrencePattern.Kind.WEEKLY) {
      p.daysOfWeek().forEach(d -> days.add(name(d)));
    } else if (p.relativeDay() != null) {
      relativeDays(p.relativeDay()).forEach(d -> days.add(name(d)));
    }
    JsonObject pattern = new JsonObject().put("type", type).put("interval", p.interval())
        .put("month", p.month() == null ? 0 : p.month().getValue()).put("dayOfMonth", p.dayOfMonth()).put("daysOfWeek", days)
        .put("firstDayOfWeek", name(p.firstDayOfWeek()))
        .put("index", p.weekIndex() == null ? "first" : INDEXES.get(RecurrencePattern.WEEK_INDEXES.indexOf(p.weekIndex())));
    RecurrenceRange r = recurrence.range();
    JsonObject range = new JsonObject().put("type", switch (r.kind()) {
      case NO_END -> "noEnd";
      case END_DATE -> "endDate";
      case NUMBERED -> "numbered";
    }).put("startDate", r.startDate().toString()).put("endDate", r.endDate() == null ? "0001-01-01" : r.endDate().toString())
        .put("recurrenceTimeZone", zone.windowsId()).put("numberOfOccurrences", r.count());
    return new JsonObject().put("pattern", pattern).put("range", range);
  }

  private static int yearly(int interval) {
    if (interval != 1) {
      throw new GraphError(400, "ErrorCalendarInvalidRecurrence", "A yearly recurrence repeats every year: its interval is 1.");
    }
    return 1;
  }

  private static String relativeDay(List<DayOfWeek> days) {
    Set<DayOfWeek> set = days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
    if (set.size() == 1) {
      String n = days.get(0).name();
      return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }
    if (set.size() == 7) {
      return "Day";
    }
    if (set.equals(WEEKDAYS)) {
      return "Weekday";
    }
    if (set.equals(WEEKEND)) {
      return "WeekendDay";
    }
    throw new GraphError(400, "ErrorCalendarInvalidRecurrence",
        "A relative recurrence takes one day of the week, every day, the weekdays or the weekend days.");
  }

  private static List<DayOfWeek> relativeDays(String relativeDay) {
    return switch (relativeDay) {
      case "Day" -> List.of(DayOfWeek.values());
      case "Weekday" -> List.copyOf(WEEKDAYS);
      case "WeekendDay" -> List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      default -> List.of(DayOfWeek.valueOf(relativeDay.toUpperCase(Locale.ROOT)));
    };
  }

  private static List<DayOfWeek> days(Object raw) {
    List<DayOfWeek> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    if (!(raw instanceof JsonArray list)) {
      throw GraphError.badRequest("'daysOfWeek' takes a list such as [\"monday\"].");
    }
    for (Object o : list) {
      out.add(day(enumText(o, "daysOfWeek")));
    }
    return out;
  }

  private static DayOfWeek day(String name) {
    try {
      return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw notFound(name);
    }
  }

  private static String name(DayOfWeek d) {
    return d.name().toLowerCase(Locale.ROOT);
  }

  private static LocalDate date(Object raw, String name) {
    if (raw == null) {
      return null;
    }
    try {
      return LocalDate.parse(String.valueOf(raw));
    } catch (DateTimeParseException e) {
      throw new GraphError(400, "RequestBodyRead", "Cannot convert the literal '" + raw + "' to the expected type 'Edm.Date' in '"
          + name + "'.");
    }
  }

  private static String enumText(Object raw, String name) {
    if (!(raw instanceof String s) || s.isBlank()) {
      throw GraphError.badRequest("'" + name + "' is required.");
    }
    return s;
  }

  /** .NET's wording for a value that names no member of an enumeration, which Graph passes on. */
  static GraphError notFound(String value) {
    return new GraphError(400, "RequestBodyRead", "Requested value '" + value + "' was not found.");
  }
}
