package com.exchangesync.testbed.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testbed.NodeCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An independent Graph client against the test bed: Microsoft's
 * {@code @microsoft/microsoft-graph-client} (npm) run by node, doing the round
 * trip of {@code src/test/js-graph/graph-roundtrip.js} with its own assertions
 * (token, contacts by extended property, a series in calendarView, a paged
 * delta, a batch, a refusal). Skipped, saying why, without node or the npm
 * registry (see {@link NodeCheck}).
 */
class GraphJavascriptClientIT extends GraphTestbedSupport {

  @Test
  void microsoftGraphClient_doesTheRoundTrip() throws Exception {
    NodeCheck.Run check = new NodeCheck("js-graph", "graph-roundtrip.js", "@microsoft/microsoft-graph-client").run(Map.of(
        "GRAPH_URL", graph.baseUrl(), "TENANT_ID", TENANT, "CLIENT_ID", CLIENT, "CLIENT_SECRET", SECRET, "MAILBOX", ANN));
    System.out.println("graph-roundtrip.js: " + check.output().strip());
    assertThat(check.output()).as("output of graph-roundtrip.js").contains("OK ");
    assertThat(check.exit()).as(check.output()).isZero();
  }
}
