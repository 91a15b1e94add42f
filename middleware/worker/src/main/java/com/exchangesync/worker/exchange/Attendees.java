package com.exchangesync.worker.exchange;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ATTENDEES} as text: a JSON list of {@code {"email", "name", "type"}},
 * {@code type} {@code Required} or {@code Optional}, sorted by lower-case email,
 * {@code name} left out when there is none (or when it is only the address again,
 * which is what Exchange shows for an attendee given without a name), and the
 * field absent when there is nobody. Any adapter gives and takes this form.
 */
public final class Attendees {

  /** One attendee. */
  public record Attendee(String email, Optional<String> name, boolean required) {}

  private Attendees() {}

  /**
   * The attendees a value lists ({@code null} or blank: none).
   *
   * @throws IllegalArgumentException saying what is wrong with the value
   */
  public static List<Attendee> parse(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    JsonArray array;
    try {
      array = new JsonArray(value);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("attendees must be a JSON list of {\"email\", \"name\", \"type\"}, not '"
          + abbreviated(value) + "'");
    }
    List<Attendee> out = new ArrayList<>();
    for (Object o : array) {
      if (!(o instanceof JsonObject a) || !(a.getValue("email") instanceof String email) || email.isBlank()) {
        throw new IllegalArgumentException("every attendee needs an email address: " + abbreviated(String.valueOf(o)));
      }
      String type = a.getValue("type") instanceof String t ? t : "Required";
      if (!type.equalsIgnoreCase("Required") && !type.equalsIgnoreCase("Optional")) {
        throw new IllegalArgumentException("an attendee's type is Required or Optional, not '" + type + "'");
      }
      out.add(attendee(email, a.getValue("name") instanceof String n ? n : null, type.equalsIgnoreCase("Required")));
    }
    return sorted(out);
  }

  /** An attendee as read from Exchange, its name dropped when it is blank or the address again. */
  public static Attendee attendee(String email, String name, boolean required) {
    String e = email.trim();
    String n = name == null || name.isBlank() || name.trim().equalsIgnoreCase(e) ? null : name.trim();
    return new Attendee(e, Optional.ofNullable(n), required);
  }

  /** The value for {@code attendees}: the sorted JSON list, or {@code null} when there are none. */
  public static String format(List<Attendee> attendees) {
    if (attendees.isEmpty()) {
      return null;
    }
    JsonArray array = new JsonArray();
    for (Attendee a : sorted(attendees)) {
      JsonObject o = new JsonObject().put("email", a.email());
      a.name().ifPresent(n -> o.put("name", n));
      array.add(o.put("type", a.required() ? "Required" : "Optional"));
    }
    return array.encode();
  }

  /** The same value in the canonical form, so two spellings of one list compare equal. */
  public static String canonical(String value) {
    return format(parse(value));
  }

  private static List<Attendee> sorted(List<Attendee> attendees) {
    List<Attendee> out = new ArrayList<>(attendees);
    out.sort(Comparator.comparing((Attendee a) -> a.email().toLowerCase(Locale.ROOT)).thenComparing(a -> !a.required()));
    return List.copyOf(out);
  }

  private static String abbreviated(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
