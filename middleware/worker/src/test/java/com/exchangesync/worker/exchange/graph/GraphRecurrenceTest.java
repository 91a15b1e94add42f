package com.exchangesync.worker.exchange.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ExchangeRecurrence;
import com.exchangesync.worker.exchange.RecurrenceRules;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each of Exchange's six patterns and three ranges through Graph's JSON and back, as RRULEs. */
class GraphRecurrenceTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void everyPatternAndRange_readsBackTheRuleItWasWrittenFrom() {
    LocalDate first = LocalDate.of(2026, 3, 2); // a Monday
    List<String> rules = List.of("FREQ=DAILY;INTERVAL=3;COUNT=10", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20260601",
        "FREQ=WEEKLY;BYDAY=MO", "FREQ=MONTHLY;BYMONTHDAY=2;COUNT=5", "FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=2", "FREQ=YEARLY;BYMONTH=3;BYDAY=1MO;COUNT=3");
    for (String rule : rules) {
      ExchangeRecurrence r = RecurrenceRules.fromRrule(rule, first, BERLIN);
      JsonObject json = GraphRecurrence.write(r, "W. Europe Standard Time");
      assertThat(json.getJsonObject("range").getString("recurrenceTimeZone")).isEqualTo("W. Europe Standard Time");
      assertThat(GraphRecurrence.read(json, first).map(RecurrenceRules::toRrule)).as(rule).contains(RecurrenceRules.toRrule(r));
    }
  }

  @Test
  void graphsNames_areThoseOfItsDocumentation() {
    ExchangeRecurrence r = RecurrenceRules.fromRrule("FREQ=MONTHLY;BYDAY=-1FR;COUNT=4", LocalDate.of(2026, 3, 27), BERLIN);
    JsonObject json = GraphRecurrence.write(r, "W. Europe Standard Time");
    assertThat(json.getJsonObject("pattern").encode()).isEqualTo(
        "{\"type\":\"relativeMonthly\",\"interval\":1,\"daysOfWeek\":[\"friday\"],\"index\":\"last\"}");
    assertThat(json.getJsonObject("range").encode()).isEqualTo("{\"startDate\":\"2026-03-27\",\"recurrenceTimeZone\":"
        + "\"W. Europe Standard Time\",\"type\":\"numbered\",\"numberOfOccurrences\":4}");
  }
}
