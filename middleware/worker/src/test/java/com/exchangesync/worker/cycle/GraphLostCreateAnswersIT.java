package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole cycles on Exchange Online in which Graph's creates lose their answers after
 * the contacts were made: inside a {@code $batch} (the request's own 503, or the
 * batch's connection dropped) and for the whole batch (a 503 for the envelope).
 */
class GraphLostCreateAnswersIT extends LostCreateAnswers {

  private GraphCycles graph;

  @Override
  MailboxConnectors graphConnectors() throws Exception {
    graph = new GraphCycles(ex);
    return graph.connectors(sf.vertx);
  }

  @BeforeEach
  void onExchangeOnline() {
    graph.setType(sf, GraphCycles.GRAPH);
  }

  @AfterEach
  void closeGraph() throws Exception {
    graph.assertOnlyGraphWasUsed();
    graph.close();
  }

  @Override
  void armExchangeCreateFault(String kind) throws Exception {
    graph.graph.fault(new JsonObject().put("operation", "contacts.create").put("kind", kind));
  }

  @Test
  void aBatchOfCreatesWhoseOwnAnswerIs503AfterTheWork_leavesOneItemPerContact() throws Exception {
    contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    contact(ANN, "Max", "Prospect", "max@customer.example.com");
    graph.graph.fault(new JsonObject().put("operation", "batch").put("kind", "http503AfterWrite"));

    assertThat(annContacts(cycle.run()).state()).isEqualTo("synced");

    assertThat(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync")).as("one item per contact").hasSize(2);
    assertThat(graph.graph.calls("contacts.create")).as("found by our mark, not sent again").isEqualTo(2);
  }
}
