package com.exchangesync.worker.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ATTENDEES}: one JSON form, sorted, names only where there are names. */
class AttendeesTest {

  @Test
  void attendees_areSortedByLowerCaseEmail_withoutNamesThatAreOnlyTheAddress() {
    String value = Attendees.format(List.of(Attendees.attendee("pat@x.example.com", "Pat Jones", true),
        Attendees.attendee("Lee@x.example.com", "Lee@x.example.com", false), Attendees.attendee("amy@x.example.com", " ", true)));
    assertThat(value).isEqualTo("[{\"email\":\"amy@x.example.com\",\"type\":\"Required\"},"
        + "{\"email\":\"Lee@x.example.com\",\"type\":\"Optional\"},"
        + "{\"email\":\"pat@x.example.com\",\"name\":\"Pat Jones\",\"type\":\"Required\"}]");
    assertThat(Attendees.canonical(value)).isEqualTo(value);
    assertThat(Attendees.format(List.of())).isNull();
    assertThat(Attendees.parse(null)).isEmpty();
  }

  @Test
  void aListThatIsNotOne_isRefusedSayingWhy() {
    assertThatThrownBy(() -> Attendees.parse("pat@x.example.com")).hasMessageContaining("JSON list");
    assertThatThrownBy(() -> Attendees.parse("[{\"name\":\"Pat\"}]")).hasMessageContaining("email address");
    assertThatThrownBy(() -> Attendees.parse("[{\"email\":\"p@x.example.com\",\"type\":\"Resource\"}]"))
        .hasMessageContaining("Required or Optional");
  }
}
