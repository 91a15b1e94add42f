package com.exchangesync.testbed.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A write Exchange Online carried out whose answer never reached the client (a 503 from a gateway, a
 * dropped connection), alone and inside {@code $batch}: the contact exists though the client saw a
 * failure, so a create sent again blindly would make a second one.
 */
class GraphLostAnswerIT extends GraphTestbedSupport {

  private static JsonObject create(String id, String surname) {
    return new JsonObject().put("id", id).put("method", "POST").put("url", "/users/" + ANN + "/contacts")
        .put("headers", new JsonObject().put("Content-Type", "application/json")).put("body", new JsonObject().put("surname", surname));
  }

  private JsonObject lostFault(String operation, String kind) throws Exception {
    return fault(new JsonObject().put("protocol", "graph").put("operation", operation).put("kind", kind).put("retryAfterSeconds", 2));
  }

  @Test
  void http503AfterWrite_createsTheContact_thenAnswersServiceNotAvailable_andWaitsForAWrite() throws Exception {
    lostFault("*", "http503AfterWrite");
    assertThat(okGet("/users/" + ANN + "/contacts").getJsonArray("value")).as("a read is not a write: the fault waits").isEmpty();

    HttpResponse<Buffer> r = call(HttpMethod.POST, "/users/" + ANN + "/contacts", new JsonObject().put("surname", "Lost"), Map.of());
    graphError(r, 503, "serviceNotAvailable");
    assertThat(r.getHeader("Retry-After")).isEqualTo("2");

    assertThat(sim.contacts(ANN, null)).as("the contact was created all the same").hasSize(1);
    post("/users/" + ANN + "/contacts", new JsonObject().put("surname", "Second"));
    assertThat(sim.contacts(ANN, null)).as("the fault is used up").hasSize(2);
  }

  @Test
  void http503AfterWrite_insideABatch_answersThatRequest503_andTheOthersAsUsual() throws Exception {
    lostFault("contacts.create", "http503AfterWrite");
    JsonArray responses = ok(call(HttpMethod.POST, "/$batch", new JsonObject().put("requests", new JsonArray()
        .add(create("1", "Lost")).add(create("2", "Answered"))), Map.of())).getJsonArray("responses");
    assertThat(responses.getJsonObject(0).getInteger("status")).isEqualTo(503);
    assertThat(responses.getJsonObject(0).getJsonObject("headers").getString("Retry-After")).isEqualTo("2");
    assertThat(responses.getJsonObject(0).getJsonObject("body").getJsonObject("error").getString("code")).isEqualTo("serviceNotAvailable");
    assertThat(responses.getJsonObject(1).getInteger("status")).isEqualTo(201);
    assertThat(sim.contacts(ANN, null)).as("both created").hasSize(2);
  }

  @Test
  void dropAfterWrite_alone_createsTheContact_thenClosesTheConnection() throws Exception {
    lostFault("contacts.create", "dropAfterWrite");
    assertThatThrownBy(() -> call(HttpMethod.POST, "/users/" + ANN + "/contacts", new JsonObject().put("surname", "Dropped"), Map.of()))
        .as("no answer").isNotNull();
    assertThat(sim.contacts(ANN, null)).hasSize(1);
    assertThat(graphStats().getJsonObject("calls").getLong("contacts.create")).isEqualTo(1L);
  }

  @Test
  void dropAfterWrite_insideABatch_runsTheWholeBatch_thenClosesItsConnection() throws Exception {
    lostFault("contacts.create", "dropAfterWrite");
    assertThatThrownBy(() -> call(HttpMethod.POST, "/$batch", new JsonObject().put("requests", new JsonArray()
        .add(create("1", "First")).add(create("2", "Second"))), Map.of())).as("no answer").isNotNull();
    assertThat(sim.contacts(ANN, null)).as("every request of the batch ran").hasSize(2);
  }

  @Test
  void onTheBatchItself_aBatchOfReadsIsNotHit_andOneWithAWriteRunsThenAnswers503() throws Exception {
    lostFault("batch", "http503AfterWrite");
    JsonObject reads = new JsonObject().put("requests", new JsonArray().add(new JsonObject().put("id", "1").put("method", "GET")
        .put("url", "/users/" + ANN + "/contacts")));
    ok(call(HttpMethod.POST, "/$batch", reads, Map.of()));
    graphError(call(HttpMethod.POST, "/$batch", new JsonObject().put("requests", new JsonArray().add(create("1", "Lost"))), Map.of()),
        503, "serviceNotAvailable");
    assertThat(sim.contacts(ANN, null)).hasSize(1);
  }

  @Test
  void anUnknownKindIsRefused_namingTheLostAnswerKinds() throws Exception {
    HttpResponse<Buffer> r = await(web.postAbs(exchange.baseUrl() + "/sim/faults").sendJsonObject(new JsonObject()
        .put("protocol", "graph").put("kind", "http504AfterWrite")));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsString()).contains("http503AfterWrite").contains("dropAfterWrite");
  }
}
