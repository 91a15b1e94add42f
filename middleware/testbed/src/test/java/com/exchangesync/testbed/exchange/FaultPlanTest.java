package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

  @Test
  void aCountedFaultHitsThatManyCalls_ofItsOperationOnly() {
    FaultPlan plan = new FaultPlan();
    plan.add(new JsonObject().put("operation", "GetItem").put("kind", "http503").put("count", 2));
    assertThat(plan.failure("SyncFolderItems")).isNull();
    assertThat(plan.failure("GetItem")).isNotNull();
    assertThat(plan.failure("GetItem")).isNotNull();
    assertThat(plan.failure("GetItem")).isNull();
  }

  @Test
  void latenciesAddUp_andMinusOneMeansEveryCall() {
    FaultPlan plan = new FaultPlan();
    plan.add(new JsonObject().put("operation", "*").put("kind", "latency").put("ms", 20).put("count", -1));
    plan.add(new JsonObject().put("operation", "GetItem").put("kind", "latency").put("ms", 5));
    assertThat(plan.latency("GetItem")).isEqualTo(25);
    assertThat(plan.latency("GetItem")).isEqualTo(20);
    for (int i = 0; i < 100; i++) {
      assertThat(plan.latency("CreateItem")).isEqualTo(20);
    }
    plan.clear();
    assertThat(plan.latency("CreateItem")).isZero();
  }
}
