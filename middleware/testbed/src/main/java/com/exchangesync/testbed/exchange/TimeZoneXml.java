package com.exchangesync.testbed.exchange;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Reads and writes time zones in the shapes EWS uses: the Exchange 2010+
 * {@code TimeZoneDefinitionType} ({@code StartTimeZone}, {@code EndTimeZone},
 * the {@code TimeZoneContext} header: an {@code Id}, optionally with periods and
 * transitions) and the Exchange 2007 {@code MeetingTimeZone} (a base offset with
 * standard and daylight changes). A known Windows id wins; a zone defined only
 * by its periods and transitions is taken as defined; anything else is
 * {@code ErrorCalendarInvalidTimeZone}.
 */
final class TimeZoneXml {

  private TimeZoneXml() {}

  /** A {@code TimeZoneDefinitionType} element. */
  static CalendarZone readDefinition(Element def) {
    try {
      return definition(def);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw invalid(def.getAttribute("Id"));
    }
  }

  private static CalendarZone definition(Element def) {
    String id = Xml.attr(def, "Id").orElse("").trim();
    Optional<CalendarZone> known = WindowsTimeZones.byWindowsId(id);
    if (known.isPresent()) {
      return known.get();
    }
    Element periods = Xml.child(def, "Periods").orElseThrow(() -> invalid(id));
    Map<String, ZoneOffset> offsets = new HashMap<>();
    String standardId = null;
    for (Element p : Xml.children(periods, "Period")) {
      ZoneOffset offset = offsetOfBias(Xml.attr(p, "Bias").orElseThrow(() -> invalid(id)), id);
      offsets.put(p.getAttribute("Id"), offset);
      if (standardId == null || "Standard".equalsIgnoreCase(p.getAttribute("Name"))) {
        standardId = p.getAttribute("Id");
      }
    }
    ZoneOffset standard = offsets.get(standardId);
    List<Element> groups = Xml.child(def, "TransitionsGroups").map(g -> Xml.children(g, "TransitionsGroup")).orElse(List.of());
    // The last group holds the rules in force today: Exchange lists a zone's history group by group.
    List<ZoneOffsetTransitionRule> rules = new ArrayList<>();
    if (!groups.isEmpty()) {
      List<Element> transitions = Xml.children(groups.get(groups.size() - 1));
      for (Element t : transitions) {
        if (!t.getLocalName().equals("RecurringDayTransition")) {
          continue;
        }
        ZoneOffset to = offsets.get(Xml.childText(t, "To").orElse("").trim());
        if (to == null) {
          throw invalid(id);
        }
        rules.add(rule(t, standard, to, offsets, transitions));
      }
    }
    String name = Xml.attr(def, "Name").orElse(id);
    return new CalendarZone(id.isEmpty() ? name : id, id.isEmpty() ? name : id, name, rulesOf(standard, rules));
  }

  /** A legacy {@code MeetingTimeZone}: the TimeZoneName when it is a Windows id, else the offsets and changes it gives. */
  static CalendarZone readMeetingTimeZone(Element mtz) {
    try {
      return meetingTimeZone(mtz);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw invalid(mtz.getAttribute("TimeZoneName"));
    }
  }

  private static CalendarZone meetingTimeZone(Element mtz) {
    String name = Xml.attr(mtz, "TimeZoneName").orElse("").trim();
    Optional<CalendarZone> known = WindowsTimeZones.byWindowsId(name);
    if (known.isPresent()) {
      return known.get();
    }
    Duration base = duration(Xml.childText(mtz, "BaseOffset").orElseThrow(() -> invalid(name)), name);
    ZoneOffset standard = ZoneOffset.ofTotalSeconds((int) -base.getSeconds());
    List<ZoneOffsetTransitionRule> rules = new ArrayList<>();
    Optional<Element> std = Xml.child(mtz, "Standard");
    Optional<Element> dst = Xml.child(mtz, "Daylight");
    if (std.isPresent() && dst.isPresent() && Xml.child(dst.get(), "RelativeYearlyRecurrence").isPresent()) {
      ZoneOffset stdOffset = changeOffset(base, std.get(), name);
      ZoneOffset dstOffset = changeOffset(base, dst.get(), name);
      rules.add(meetingRule(dst.get(), stdOffset, stdOffset, dstOffset, name));
      rules.add(meetingRule(std.get(), stdOffset, dstOffset, stdOffset, name));
    }
    String label = name.isEmpty() ? "Custom time zone" : name;
    return new CalendarZone(label, label, label, rulesOf(standard, rules));
  }

  private static ZoneOffset changeOffset(Duration base, Element change, String name) {
    Duration offset = duration(Xml.childText(change, "Offset").orElse("PT0M"), name);
    return ZoneOffset.ofTotalSeconds((int) -(base.getSeconds() + offset.getSeconds()));
  }

  private static ZoneOffsetTransitionRule meetingRule(Element change, ZoneOffset standard, ZoneOffset before,
                                                      ZoneOffset after, String name) {
    Element r = Xml.child(change, "RelativeYearlyRecurrence").orElseThrow(() -> invalid(name));
    LocalTime time = LocalTime.parse(Xml.childText(change, "Time").orElse("00:00:00").trim());
    DayOfWeek day = DayOfWeek.valueOf(Xml.childText(r, "DaysOfWeek").orElse("Sunday").trim().toUpperCase(Locale.ROOT));
    int index = RecurrencePattern.WEEK_INDEXES.indexOf(Xml.childText(r, "DayOfWeekIndex").orElse("First").trim());
    Month month = Month.valueOf(Xml.childText(r, "Month").orElse("January").trim().toUpperCase(Locale.ROOT));
    return transitionRule(month, index == 4 ? -1 : index + 1, day, time, standard, before, after);
  }

  private static ZoneOffsetTransitionRule rule(Element t, ZoneOffset standard, ZoneOffset to, Map<String, ZoneOffset> offsets,
                                               List<Element> group) {
    // The offset before this transition is where the group's other transition leads.
    ZoneOffset before = standard;
    for (Element other : group) {
      if (other != t) {
        ZoneOffset o = offsets.get(Xml.childText(other, "To").orElse("").trim());
        before = o == null ? before : o;
      }
    }
    Duration at = duration(Xml.childText(t, "TimeOffset").orElse("PT0M"), "");
    Month month = Month.of(Integer.parseInt(Xml.childText(t, "Month").orElse("1").trim()));
    DayOfWeek day = DayOfWeek.valueOf(Xml.childText(t, "DayOfWeek").orElse("Sunday").trim().toUpperCase(Locale.ROOT));
    int occurrence = Integer.parseInt(Xml.childText(t, "Occurrence").orElse("1").trim());
    return transitionRule(month, occurrence, day, LocalTime.MIDNIGHT.plus(at), standard, before, to);
  }

  /** The rule for the {@code occurrence}-th (-1: last) {@code day} of {@code month} at wall time {@code time}. */
  private static ZoneOffsetTransitionRule transitionRule(Month month, int occurrence, DayOfWeek day, LocalTime time,
                                                         ZoneOffset standard, ZoneOffset before, ZoneOffset after) {
    int dayOfMonthIndicator = occurrence < 0 || occurrence > 4 ? -1 : 1 + (occurrence - 1) * 7;
    return ZoneOffsetTransitionRule.of(month, dayOfMonthIndicator, day, time, false,
        ZoneOffsetTransitionRule.TimeDefinition.WALL, standard, before, after);
  }

  /** Rules that apply these yearly transitions in every year (java.time applies "last rules" only after an explicit transition). */
  private static ZoneRules rulesOf(ZoneOffset standard, List<ZoneOffsetTransitionRule> yearly) {
    if (yearly.isEmpty()) {
      return standard.getRules();
    }
    List<ZoneOffsetTransitionRule> sorted = new ArrayList<>(yearly);
    sorted.sort(Comparator.comparing(ZoneOffsetTransitionRule::getMonth));
    List<ZoneOffsetTransition> seed = new ArrayList<>();
    for (ZoneOffsetTransitionRule r : sorted) {
      seed.add(r.createTransition(1900));
    }
    ZoneOffset wallAtStart = sorted.get(0).getOffsetBefore();
    return ZoneRules.of(standard, wallAtStart, List.of(), seed, sorted);
  }

  private static ZoneOffset offsetOfBias(String bias, String id) {
    return ZoneOffset.ofTotalSeconds((int) -duration(bias, id).getSeconds());
  }

  private static Duration duration(String text, String id) {
    try {
      String t = text.trim();
      return t.startsWith("-") ? Duration.parse(t.substring(1)).negated() : Duration.parse(t);
    } catch (DateTimeParseException e) {
      throw invalid(id);
    }
  }

  private static ResponseMessageError invalid(String id) {
    return new ResponseMessageError("ErrorCalendarInvalidTimeZone",
        "The time zone '" + id + "' is not valid: give a Windows time zone id Exchange knows, or its periods and transitions.");
  }

  // --- writing ---------------------------------------------------------------------------------

  /** Writes {@code zone} as the Exchange 2010+ element {@code t:<element>}, with its periods and transitions as Exchange does. */
  static void writeDefinition(StringBuilder out, String element, CalendarZone zone) {
    String prefix = "trule:Microsoft/Registry/" + zone.windowsId() + "/1-";
    ZoneRules rules = zone.rules();
    List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
    ZoneOffset standard = rules.getStandardOffset(java.time.Instant.now());
    out.append("<t:").append(element).append(" Id=\"").append(Xml.esc(zone.windowsId())).append("\" Name=\"")
        .append(Xml.esc(zone.name())).append("\"><t:Periods>");
    period(out, standard, "Standard", prefix + "Standard");
    ZoneOffset daylight = yearly.stream().map(ZoneOffsetTransitionRule::getOffsetAfter).filter(o -> !o.equals(standard))
        .findFirst().orElse(null);
    if (daylight != null) {
      period(out, daylight, "Daylight", prefix + "Daylight");
    }
    out.append("</t:Periods><t:TransitionsGroups><t:TransitionsGroup Id=\"0\">");
    if (daylight == null) {
      out.append("<t:Transition><t:To Kind=\"Period\">").append(Xml.esc(prefix)).append("Standard</t:To></t:Transition>");
    } else {
      for (ZoneOffsetTransitionRule r : yearly) {
        writeRule(out, r, prefix + (r.getOffsetAfter().equals(standard) ? "Standard" : "Daylight"));
      }
    }
    out.append("</t:TransitionsGroup></t:TransitionsGroups><t:Transitions><t:Transition><t:To Kind=\"Group\">0</t:To>"
        + "</t:Transition></t:Transitions></t:").append(element).append('>');
  }

  private static void period(StringBuilder out, ZoneOffset offset, String name, String id) {
    out.append("<t:Period Bias=\"").append(xsDuration(-offset.getTotalSeconds())).append("\" Name=\"").append(name)
        .append("\" Id=\"").append(Xml.esc(id)).append("\"/>");
  }

  private static void writeRule(StringBuilder out, ZoneOffsetTransitionRule r, String toPeriod) {
    LocalDateTime wall = r.getTimeDefinition().createDateTime(LocalDateTime.of(2001, 1, 1, 0, 0).with(r.getLocalTime()),
        r.getStandardOffset(), r.getOffsetBefore());
    int indicator = r.getDayOfMonthIndicator();
    out.append("<t:RecurringDayTransition><t:To Kind=\"Period\">").append(Xml.esc(toPeriod)).append("</t:To><t:TimeOffset>")
        .append(xsDuration(wall.toLocalTime().toSecondOfDay())).append("</t:TimeOffset><t:Month>").append(r.getMonth().getValue())
        .append("</t:Month><t:DayOfWeek>").append(dayName(r.getDayOfWeek() == null ? DayOfWeek.SUNDAY : r.getDayOfWeek()))
        .append("</t:DayOfWeek><t:Occurrence>").append(indicator < 0 ? -1 : (indicator - 1) / 7 + 1)
        .append("</t:Occurrence></t:RecurringDayTransition>");
  }

  /** Writes the legacy {@code t:MeetingTimeZone} for {@code zone}. */
  static void writeMeetingTimeZone(StringBuilder out, CalendarZone zone) {
    ZoneRules rules = zone.rules();
    ZoneOffset standard = rules.getStandardOffset(java.time.Instant.now());
    out.append("<t:MeetingTimeZone TimeZoneName=\"").append(Xml.esc(zone.windowsId())).append("\"><t:BaseOffset>")
        .append(xsDuration(-standard.getTotalSeconds())).append("</t:BaseOffset>");
    List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
    ZoneOffsetTransitionRule toStandard = null;
    ZoneOffsetTransitionRule toDaylight = null;
    for (ZoneOffsetTransitionRule r : yearly) {
      if (r.getOffsetAfter().equals(standard)) {
        toStandard = r;
      } else {
        toDaylight = r;
      }
    }
    if (toStandard != null && toDaylight != null) {
      change(out, "Standard", toStandard, 0);
      change(out, "Daylight", toDaylight, standard.getTotalSeconds() - toDaylight.getOffsetAfter().getTotalSeconds());
    }
    out.append("</t:MeetingTimeZone>");
  }

  private static void change(StringBuilder out, String element, ZoneOffsetTransitionRule r, int offsetSeconds) {
    LocalDateTime wall = r.getTimeDefinition().createDateTime(LocalDateTime.of(2001, 1, 1, 0, 0).with(r.getLocalTime()),
        r.getStandardOffset(), r.getOffsetBefore());
    int indicator = r.getDayOfMonthIndicator();
    out.append("<t:").append(element).append("><t:Offset>").append(xsDuration(offsetSeconds))
        .append("</t:Offset><t:RelativeYearlyRecurrence><t:DaysOfWeek>").append(dayName(r.getDayOfWeek()))
        .append("</t:DaysOfWeek><t:DayOfWeekIndex>").append(RecurrencePattern.WEEK_INDEXES.get(indicator < 0 ? 4 : (indicator - 1) / 7))
        .append("</t:DayOfWeekIndex><t:Month>").append(monthName(r.getMonth())).append("</t:Month></t:RelativeYearlyRecurrence><t:Time>")
        .append(wall.toLocalTime()).append(wall.toLocalTime().getSecond() == 0 ? ":00" : "").append("</t:Time></t:").append(element).append('>');
  }

  /** An xs:duration for a number of seconds, negative ones as {@code -PT1H} (java.time would write {@code PT-1H}). */
  static String xsDuration(long seconds) {
    return seconds < 0 ? "-" + Duration.ofSeconds(-seconds) : seconds == 0 ? "PT0M" : Duration.ofSeconds(seconds).toString();
  }

  static String dayName(DayOfWeek day) {
    String n = day.name();
    return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
  }

  static String monthName(Month month) {
    String n = month.name();
    return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
  }
}
