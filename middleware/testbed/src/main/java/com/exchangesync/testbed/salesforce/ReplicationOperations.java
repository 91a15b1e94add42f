package com.exchangesync.testbed.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * {@code getUpdated} and {@code getDeleted}: the ids changed (or deleted)
 * between two times, to the minute, as the replication API gives them. The
 * window ends at {@code latestDateCovered} (the end date, or the current minute
 * if earlier); a start more than 30 days back ({@code getUpdated}) or 15 days
 * back ({@code getDeleted}) is {@code INVALID_REPLICATION_DATE}.
 */
final class ReplicationOperations {

  static final Duration UPDATED_WINDOW = Duration.ofDays(30);
  static final Duration DELETED_WINDOW = Duration.ofDays(15);

  private final RecordStore store;

  ReplicationOperations(RecordStore store) {
    this.store = store;
  }

  String getUpdated(SoapCall call) {
    Window w = window(call, UPDATED_WINDOW);
    StringBuilder out = new StringBuilder("<getUpdatedResponse><result>");
    for (Row r : store.rows(w.type)) {
      Instant stamp = (Instant) r.get("SystemModstamp");
      if (!r.deleted() && stamp != null && !stamp.isBefore(w.start) && stamp.isBefore(w.end)) {
        out.append("<ids>").append(r.id).append("</ids>");
      }
    }
    return out.append("<latestDateCovered>").append(FieldValues.toText(w.end))
        .append("</latestDateCovered></result></getUpdatedResponse>").toString();
  }

  String getDeleted(SoapCall call) {
    Window w = window(call, DELETED_WINDOW);
    StringBuilder out = new StringBuilder("<getDeletedResponse><result>");
    for (Row r : store.rows(w.type)) {
      if (r.deleted() && !r.deletedAt.isBefore(w.start) && r.deletedAt.isBefore(w.end)) {
        out.append("<deletedRecords><deletedDate>").append(FieldValues.toText(r.deletedAt)).append("</deletedDate><id>")
            .append(r.id).append("</id></deletedRecords>");
      }
    }
    Instant earliest = store.org().createdAt().truncatedTo(ChronoUnit.MINUTES);
    return out.append("<earliestDateAvailable>").append(FieldValues.toText(earliest)).append("</earliestDateAvailable>")
        .append("<latestDateCovered>").append(FieldValues.toText(w.end)).append("</latestDateCovered></result></getDeletedResponse>")
        .toString();
  }

  private record Window(SObjectType type, Instant start, Instant end) {}

  private Window window(SoapCall call, Duration maxAge) {
    String typeName = call.required("sObjectType");
    SObjectType type = store.schema.type(typeName);
    if (type == null) {
      throw SalesforceFault.invalidType(typeName);
    }
    Instant start = instant(call, "startDate").truncatedTo(ChronoUnit.MINUTES);
    Instant end = instant(call, "endDate").truncatedTo(ChronoUnit.MINUTES);
    Instant now = store.now();
    if (start.isBefore(now.minus(maxAge))) {
      throw SalesforceFault.unexpected("INVALID_REPLICATION_DATE", "startDate cannot be more than " + maxAge.toDays()
          + " days ago");
    }
    if (!end.isAfter(start)) {
      throw SalesforceFault.unexpected("INVALID_REPLICATION_DATE", "endDate must be at least one minute after startDate");
    }
    Instant currentMinute = now.truncatedTo(ChronoUnit.MINUTES);
    return new Window(type, start, end.isAfter(currentMinute) ? currentMinute : end);
  }

  private static Instant instant(SoapCall call, String element) {
    String text = call.required(element);
    try {
      return FieldValues.parseDateTime(text);
    } catch (DateTimeParseException e) {
      throw SalesforceFault.client("'" + text + "' is not a valid value for the type xsd:dateTime");
    }
  }
}
