package com.exchangesync.testbed.exchange;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * A calendar item's time zone: the id it was given by (a Windows id such as
 * {@code W. Europe Standard Time}, or an IANA id through the admin API), the
 * Windows id and display name Exchange reports, and the rules that turn a
 * series' local time into instants. Rules rather than a {@code ZoneId}, since a
 * client may define a zone of its own by its periods and transitions.
 */
public record CalendarZone(String id, String windowsId, String name, ZoneRules rules) {

  public static final CalendarZone UTC = new CalendarZone("UTC", "UTC", "(UTC) Coordinated Universal Time", ZoneOffset.UTC.getRules());

  /** The instant of a local time: a time skipped by a spring-forward moves on by the gap, an ambiguous one takes the earlier offset. */
  public Instant toInstant(LocalDateTime local) {
    List<ZoneOffset> valid = rules.getValidOffsets(local);
    if (!valid.isEmpty()) {
      return local.toInstant(valid.get(0));
    }
    ZoneOffsetTransition gap = rules.getTransition(local);
    return local.plus(gap.getDuration()).toInstant(gap.getOffsetAfter());
  }

  public LocalDateTime toLocal(Instant instant) {
    return LocalDateTime.ofInstant(instant, rules.getOffset(instant));
  }

  public ZoneOffset offsetAt(Instant instant) {
    return rules.getOffset(instant);
  }
}
