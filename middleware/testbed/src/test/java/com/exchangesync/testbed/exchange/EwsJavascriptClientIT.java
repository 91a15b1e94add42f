package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testbed.NodeCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A second, independent EWS client against the test bed: ews-javascript-api
 * (npm, a port of Microsoft's EWS Managed API) run by node, doing the calendar
 * round trip of {@code src/test/js/calendar-roundtrip.js} with its own
 * assertions. Needs {@code node} and {@code npm} on the PATH; the packages are
 * installed once with {@code npm ci} into {@code target/js} (see
 * {@link NodeCheck}: skipped, saying why, without node or the npm registry).
 */
class EwsJavascriptClientIT extends ExchangeTestbedSupport {

  @Test
  void ewsJavascriptApi_doesTheCalendarRoundTrip() throws Exception {
    NodeCheck.Run check = new NodeCheck("js", "calendar-roundtrip.js", "ews-javascript-api").run(Map.of("EWS_URL", bed.ewsUrl(),
        "EWS_USER", SERVICE, "EWS_PASSWORD", PASSWORD, "EWS_MAILBOX", ANN, "SIM_URL", bed.baseUrl()));
    System.out.println("calendar-roundtrip.js: " + check.output().strip());
    assertThat(check.output()).as("output of calendar-roundtrip.js").contains("OK ");
    assertThat(check.exit()).as(check.output()).isZero();
  }
}
