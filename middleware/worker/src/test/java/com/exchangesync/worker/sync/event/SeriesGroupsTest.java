package com.exchangesync.worker.sync.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.sync.PassContext;
import com.exchangesync.worker.sync.SalesforceItem;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which Salesforce occurrences at one start are of the series a master's mark names. */
class SeriesGroupsTest {

  private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
  private static final String START = "2027-03-27T11:00:00.000Z";

  /** A pass in which no occurrence is paired yet (as after a pass that crashed before saving). */
  /**
   * A pass in which nothing is paired yet: SeriesGroups asks it only for links, and any other question fails the
   * test rather than being answered with a made-up value.
   */
  private static final PassContext NOTHING_PAIRED = (PassContext) Proxy.newProxyInstance(PassContext.class.getClassLoader(),
      new Class<?>[] {PassContext.class}, (proxy, method, args) -> switch (method.getName()) {
        case "linkOfSalesforce", "linkOfExchange" -> Optional.empty();
        default -> throw new UnsupportedOperationException(method.getName());
      });

  private static SalesforceItem occurrence(String id, String subject, String rule, boolean exception) {
    Map<String, String> f = new HashMap<>();
    f.put("Subject", subject);
    f.put("IsRecurrence2", "true");
    f.put("Recurrence2PatternText", "RRULE:" + rule);
    f.put("Recurrence2PatternStartDate", START);
    f.put("Recurrence2PatternTimeZone", "Europe/Berlin");
    f.put("IsRecurrence2Exception", String.valueOf(exception));
    return new SalesforceItem(id, f, null, null, CREATED, CREATED);
  }

  @Test
  void aSeriesWhoseFirstOccurrenceIsAnException_keepsItsOtherOccurrences_notAnotherRulesSeries() {
    SalesforceItem first = occurrence("00U000000000001AAA", "Standup*", "FREQ=DAILY;COUNT=2", true);
    SalesforceItem second = occurrence("00U000000000002AAA", "Standup", "FREQ=DAILY;COUNT=2", false);
    SalesforceItem beside = occurrence("00U000000000003AAA", "Review", "FREQ=DAILY;COUNT=4", false);

    assertThat(SeriesGroups.of(NOTHING_PAIRED, List.of(first, second, beside), first.id(), "master"))
        .as("the second occurrence is the series' though the first's subject was changed alone").containsExactly(first, second);
  }

  @Test
  void whenTwoSeriesOfOneRuleMightOwnTheOccurrences_anExceptionFirstTakesNoneOfThem() {
    SalesforceItem first = occurrence("00U000000000001AAA", "Standup*", "FREQ=DAILY;COUNT=2", true);
    SalesforceItem one = occurrence("00U000000000002AAA", "Standup", "FREQ=DAILY;COUNT=2", false);
    SalesforceItem other = occurrence("00U000000000003AAA", "Sync", "FREQ=DAILY;COUNT=2", false);

    assertThat(SeriesGroups.of(NOTHING_PAIRED, List.of(first, one, other), first.id(), "master"))
        .as("two subjects share the rule: which is the series' is not told by fields").containsExactly(first);
  }

  @Test
  void aFirstOccurrenceThatIsNoException_takesThoseAlikeAndTheExceptionsOfItsRuleWhenItIsTheOnlySeriesThere() {
    SalesforceItem first = occurrence("00U000000000001AAA", "Standup", "FREQ=DAILY;COUNT=3", false);
    SalesforceItem moved = occurrence("00U000000000002AAA", "Standup (moved)", "FREQ=DAILY;COUNT=3", true);
    SalesforceItem third = occurrence("00U000000000003AAA", "Standup", "FREQ=DAILY;COUNT=3", false);

    assertThat(SeriesGroups.of(NOTHING_PAIRED, List.of(first, moved, third), first.id(), "master"))
        .containsExactly(first, moved, third);
  }
}
