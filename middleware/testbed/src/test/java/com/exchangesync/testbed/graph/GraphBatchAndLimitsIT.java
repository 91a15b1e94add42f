package com.exchangesync.testbed.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** $batch, the four-in-flight limit, injected faults, the Graph counts and the Graph half of the admin API. */
class GraphBatchAndLimitsIT extends GraphTestbedSupport {

  private static JsonArray requests(int n) {
    JsonArray out = new JsonArray();
    for (int i = 1; i <= n; i++) {
      out.add(new JsonObject().put("id", Integer.toString(i)).put("method", "GET").put("url", "/users/" + ANN + "/contacts?$top=1"));
    }
    return out;
  }

  @Test
  void batch_ofTwentyAnswersEachRequest_andTwentyOneIsRefusedWhole() throws Exception {
    JsonObject answer = ok(call(HttpMethod.POST, "/$batch", new JsonObject().put("requests", requests(20)), Map.of()));
    JsonArray responses = answer.getJsonArray("responses");
    assertThat(responses).hasSize(20);
    responses.forEach(r -> assertThat(((JsonObject) r).getInteger("status")).isEqualTo(200));
    assertThat(graphStats().getJsonObject("calls").getLong("contacts.list")).isEqualTo(20L);
    assertThat(graphStats().getJsonObject("calls").getLong("batch")).isEqualTo(1L);

    graphError(call(HttpMethod.POST, "/$batch", new JsonObject().put("requests", requests(21)), Map.of()), 400, "BadRequest");
    assertThat(graphStats().getJsonObject("calls").getLong("contacts.list")).isEqualTo(20L);
  }

  @Test
  void batch_eachRequestHasItsOwnStatus_andADependencyThatFailedIs424() throws Exception {
    JsonArray requests = new JsonArray()
        .add(new JsonObject().put("id", "a").put("method", "POST").put("url", "/users/" + ANN + "/contactFolders/AQMkAnone00/contacts")
            .put("headers", new JsonObject().put("Content-Type", "application/json")).put("body", new JsonObject().put("surname", "X")))
        .add(new JsonObject().put("id", "b").put("method", "GET").put("url", "users/" + ANN + "/contacts").put("dependsOn", new JsonArray().add("a")))
        .add(new JsonObject().put("id", "c").put("method", "POST").put("url", "/users/" + ANN + "/contacts")
            .put("headers", new JsonObject().put("Content-Type", "application/json")).put("body", new JsonObject().put("surname", "Y")))
        .add(new JsonObject().put("id", "d").put("method", "GET").put("url", "/users/" + EVE + "/contacts"));
    JsonArray responses = ok(call(HttpMethod.POST, "/$batch", new JsonObject().put("requests", requests), Map.of()))
        .getJsonArray("responses");
    assertThat(responses.getJsonObject(0).getInteger("status")).isEqualTo(404);
    assertThat(responses.getJsonObject(0).getJsonObject("body").getJsonObject("error").getString("code")).isEqualTo("ErrorItemNotFound");
    assertThat(responses.getJsonObject(1).getInteger("status")).isEqualTo(424);
    assertThat(responses.getJsonObject(2).getInteger("status")).isEqualTo(201);
    assertThat(responses.getJsonObject(2).getJsonObject("body").getString("surname")).isEqualTo("Y");
    assertThat(responses.getJsonObject(3).getInteger("status")).isEqualTo(403);
    assertThat(sim.contacts(ANN, null)).hasSize(1);

    JsonArray noType = new JsonArray().add(new JsonObject().put("id", "1").put("method", "POST").put("url", "/users/" + ANN + "/contacts")
        .put("body", new JsonObject().put("surname", "Z")));
    graphError(call(HttpMethod.POST, "/$batch", new JsonObject().put("requests", noType), Map.of()), 400, "BadRequest");
  }

  @Test
  void fiveConcurrentRequestsOnOneMailbox_theFifthIs429ApplicationThrottled() throws Exception {
    fault(new JsonObject().put("protocol", "graph").put("operation", "contacts.list").put("kind", "latency").put("ms", 3000)
        .put("count", -1));
    WebClient wide = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(10));
    List<Future<HttpResponse<Buffer>>> inFlight = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      inFlight.add(wide.getAbs(graph.baseUrl() + "/v1.0/users/" + ANN + "/contacts").putHeader("Authorization", "Bearer " + token).send());
    }
    List<HttpResponse<Buffer>> answers = new ArrayList<>();
    for (Future<HttpResponse<Buffer>> f : inFlight) {
      answers.add(await(f));
    }
    wide.close();
    List<HttpResponse<Buffer>> throttled = answers.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(throttled).hasSize(1);
    assertThat(answers.stream().filter(r -> r.statusCode() == 200)).hasSize(4);
    JsonObject error = graphError(throttled.get(0), 429, "ApplicationThrottled");
    assertThat(error.getString("message")).isEqualTo("Application is over its MailboxConcurrency limit.");
    assertThat(throttled.get(0).getHeader("Retry-After")).isEqualTo("1");
    assertThat(graphStats().getLong("throttled")).isEqualTo(1L);
  }

  @Test
  void faults_429WithRetryAfter_503_andInsideABatch() throws Exception {
    fault(new JsonObject().put("protocol", "graph").put("operation", "contacts.list").put("kind", "http429").put("retryAfterSeconds", 7));
    HttpResponse<Buffer> throttled = get("/users/" + ANN + "/contacts");
    graphError(throttled, 429, "ApplicationThrottled");
    assertThat(throttled.getHeader("Retry-After")).isEqualTo("7");
    ok(get("/users/" + ANN + "/contacts"));

    fault(new JsonObject().put("protocol", "graph").put("kind", "http503").put("count", 1));
    graphError(get("/users/" + ANN + "/events"), 503, "serviceNotAvailable");

    fault(new JsonObject().put("protocol", "graph").put("kind", "http429").put("retryAfterSeconds", 2));
    JsonArray responses = ok(call(HttpMethod.POST, "/$batch", new JsonObject().put("requests", requests(2)), Map.of()))
        .getJsonArray("responses");
    assertThat(responses.getJsonObject(0).getInteger("status")).isEqualTo(429);
    assertThat(responses.getJsonObject(0).getJsonObject("headers").getString("Retry-After")).isEqualTo("2");
    assertThat(responses.getJsonObject(1).getInteger("status")).isEqualTo(200);
    assertThat(sim.stats().getJsonObject("calls")).as("EWS counts stay those of EWS").isEmpty();
  }

  @Test
  void adminApi_graphApp_refusesBadInput_hidesTheSecret_andResetForgetsIt() throws Exception {
    HttpResponse<Buffer> bad = await(web.putAbs(exchange.baseUrl() + "/sim/graph-app").sendJsonObject(new JsonObject()
        .put("tenantId", TENANT).put("clientId", CLIENT)));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("error")).contains("clientSecret or a certificate");
    HttpResponse<Buffer> unknownRole = putApp(new JsonObject().put("tenantId", TENANT).put("clientId", CLIENT)
        .put("clientSecret", SECRET).put("roleAssignments", new JsonArray().add(new JsonObject()
            .put("role", "Application Calendar.ReadWrite").put("mailboxes", new JsonArray().add(ANN)))));
    assertThat(unknownRole.statusCode()).isEqualTo(400);
    assertThat(unknownRole.bodyAsJsonObject().getString("error")).contains("'Application Calendar.ReadWrite' is not an RBAC for "
        + "Applications role of Exchange Online").contains("Application Calendars.ReadWrite");
    registerApp(List.of(), "*", new JsonArray().add(new JsonObject().put("role", "Application Calendars.ReadWrite")
        .put("mailboxes", new JsonArray().add(ANN))));
    JsonObject app = await(web.getAbs(exchange.baseUrl() + "/sim/graph-app").send()).bodyAsJsonObject();
    assertThat(app.getJsonArray("roleAssignments")).containsExactly(new JsonObject().put("role", "Application Calendars.ReadWrite")
        .put("mailboxes", new JsonArray().add(ANN)));
    assertThat(app.getJsonArray("permissions")).isEmpty();
    assertThat(app.getBoolean("hasClientSecret")).isTrue();
    assertThat(app.encode()).doesNotContain(SECRET);
    assertThat(app.getString("certificateThumbprint")).matches("[0-9A-F]{40}");
    HttpResponse<Buffer> unknown = await(web.postAbs(exchange.baseUrl() + "/sim/faults").sendJsonObject(new JsonObject()
        .put("protocol", "smtp").put("kind", "http503")));
    assertThat(unknown.statusCode()).isEqualTo(400);

    assertThat(await(web.postAbs(exchange.baseUrl() + "/sim/reset").send()).statusCode()).isEqualTo(204);
    HttpResponse<Buffer> afterReset = tokenRequest(TENANT, Map.of("grant_type", "client_credentials", "client_id", CLIENT,
        "client_secret", SECRET, "scope", "https://graph.microsoft.com/.default"));
    assertThat(afterReset.statusCode()).isEqualTo(400);
    assertThat(afterReset.bodyAsJsonObject().getJsonArray("error_codes").getInteger(0)).isEqualTo(90002);
    graphError(get("/users/" + ANN + "/contacts"), 401, "InvalidAuthenticationToken");
  }
}
