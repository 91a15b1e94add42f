package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SalesforceFaultPlanTest {

  @Test
  void aCountedFaultHitsThatManyCallsOfItsOperation() {
    FaultPlan plan = new FaultPlan();
    plan.add(new JsonObject().put("operation", "query").put("kind", "REQUEST_LIMIT_EXCEEDED").put("count", 2));
    assertThat(plan.failure("create")).isNull();
    assertThat(plan.failure("query")).isNotNull();
    assertThat(plan.failure("query")).isNotNull();
    assertThat(plan.failure("query")).isNull();
  }

  @Test
  void kindsOnlyHitCallsTheyCanHit() {
    FaultPlan plan = new FaultPlan();
    plan.add(new JsonObject().put("kind", "UNABLE_TO_LOCK_ROW").put("count", -1).put("records", 2));
    plan.add(new JsonObject().put("kind", "INVALID_SESSION_ID"));
    assertThat(plan.failure("login")).isNull();
    assertThat(plan.failure("query").kind()).isEqualTo("INVALID_SESSION_ID");
    assertThat(plan.failure("query")).isNull();
    assertThat(plan.failure("upsert").records()).isEqualTo(2);
    assertThat(plan.failure("delete")).isNotNull();
  }

  @Test
  void latencyAddsUp_andBadFaultsAreRefused() {
    FaultPlan plan = new FaultPlan();
    plan.add(new JsonObject().put("kind", "latency").put("ms", 20).put("count", -1));
    plan.add(new JsonObject().put("operation", "query").put("kind", "latency").put("ms", 5));
    assertThat(plan.latency("query")).isEqualTo(25);
    assertThat(plan.latency("query")).isEqualTo(20);
    assertThatThrownBy(() -> plan.add(new JsonObject().put("kind", "serverBusy"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> plan.add(new JsonObject().put("kind", "latency"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> plan.add(new JsonObject().put("kind", "http500").put("count", 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void outboundAcksAndRetryWaits() {
    assertThat(OutboundSender.acknowledged(Buffer.buffer("<Envelope><Body><notificationsResponse"
        + " xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack></notificationsResponse></Body></Envelope>"))).isTrue();
    assertThat(OutboundSender.acknowledged(Buffer.buffer("<notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\">"
        + "<Ack>false</Ack></notificationsResponse>"))).isFalse();
    assertThat(OutboundSender.acknowledged(Buffer.buffer("<Ack>true</Ack>"))).as("wrong namespace").isFalse();
    assertThat(OutboundSender.acknowledged(Buffer.buffer("OK"))).isFalse();
  }
}
