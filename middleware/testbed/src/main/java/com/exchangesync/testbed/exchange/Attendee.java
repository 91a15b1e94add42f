package com.exchangesync.testbed.exchange;

/**
 * One attendee of a meeting: address, display name, whether required,
 * optional or a resource, and the response Exchange has recorded for it
 * ({@code Unknown} until the attendee answers; this test bed sends nothing, so
 * nobody answers).
 */
public record Attendee(String email, String name, Type type, String response) {

  /** The attendee lists of {@code CalendarItemType}, in schema order. */
  public enum Type {
    REQUIRED("RequiredAttendees", "Required"), OPTIONAL("OptionalAttendees", "Optional"), RESOURCE("Resources", "Resource");

    final String element;
    final String label;

    Type(String element, String label) {
      this.element = element;
      this.label = label;
    }
  }

  /** The same person, whatever the case of the address. */
  public boolean sameAddress(Attendee other) {
    return email.equalsIgnoreCase(other.email);
  }
}
