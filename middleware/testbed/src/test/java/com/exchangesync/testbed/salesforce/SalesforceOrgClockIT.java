package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.sobject.SObject;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The admin API moves the org's clock on: stamps and server time follow; the signed-in client stays signed in. */
class SalesforceOrgClockIT extends SalesforceTestbedSupport {

  @Test
  void movingTheClockOn_movesStampsAndServerTime_andKeepsTheSession() throws Exception {
    PartnerConnection c = connect();
    Instant before = c.getServerTimestamp().getTimestamp().toInstant();

    JsonObject moved = sim.advanceClock(900);
    assertThat(moved.getLong("aheadSeconds")).isEqualTo(900);

    Instant after = c.getServerTimestamp().getTimestamp().toInstant();
    assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofSeconds(900));
    SObject contact = new SObject("Contact");
    contact.setField("LastName", "Later");
    String id = c.create(new SObject[] {contact})[0].getId();
    Object stamped = c.retrieve("SystemModstamp", "Contact", new String[] {id})[0].getField("SystemModstamp");
    Instant stamp = java.time.OffsetDateTime.parse(String.valueOf(stamped)).toInstant();
    assertThat(stamp).as("a save after the move carries the org's time").isAfterOrEqualTo(before.plusSeconds(900));
  }

  @Test
  void theClockOnlyMovesForward_byAWholeNumberOfSeconds_upToADay() {
    assertThatThrownBy(() -> sim.advanceClock(-5)).hasMessageContaining("400").hasMessageContaining("bad clock");
    assertThatThrownBy(() -> sim.advanceClock(0)).hasMessageContaining("400");
    assertThatThrownBy(() -> sim.advanceClock(86_401)).hasMessageContaining("400");
  }
}
