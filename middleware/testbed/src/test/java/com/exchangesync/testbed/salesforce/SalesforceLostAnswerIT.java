package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A write applied whose answer never reaches the caller (a 503 from a proxy, a dropped connection):
 * the record exists though force-wsc reports a failure, which is why a create is never retried blindly.
 */
class SalesforceLostAnswerIT extends SalesforceTestbedSupport {

  private static int count(PartnerConnection c, String lastName) throws ConnectionException {
    QueryResult r = c.query("SELECT COUNT() FROM Contact WHERE LastName = '" + lastName + "'");
    return r.getSize();
  }

  @Test
  void http503AfterWrite_appliesTheCreate_thenAnswers503() throws Exception {
    PartnerConnection c = connect();
    sim.fault(new JsonObject().put("operation", "*").put("kind", "http503AfterWrite"));
    assertThat(count(c, "Lost")).as("a read is not a write: the fault waits").isZero();

    assertThatThrownBy(() -> c.create(new SObject[] {contact("Ann", "Lost", "ann.lost@x.com")}))
        .isInstanceOf(ConnectionException.class).hasMessageContaining("Encountered HTML Content");

    assertThat(count(c, "Lost")).as("the record was created all the same").isEqualTo(1);
    assertThat(c.create(new SObject[] {contact("Bob", "Found", "bob@x.com")})[0].isSuccess()).as("the fault is used up").isTrue();
  }

  @Test
  void dropAfterWrite_appliesEachSend_andTheJdkResendsAPostOnce_doublingACreate() throws Exception {
    PartnerConnection c = connect();
    // The JDK's HttpURLConnection (force-wsc's transport) sends a POST again when the connection closes
    // before an answer (sun.net.http.retryPost, true by default): one dropped answer is hidden, and doubles.
    sim.fault(new JsonObject().put("operation", "create").put("kind", "dropAfterWrite"));
    assertThat(c.create(new SObject[] {contact("Ann", "Twice", "ann@x.com")})[0].isSuccess()).isTrue();
    assertThat(count(c, "Twice")).as("both sends were applied").isEqualTo(2);

    sim.fault(new JsonObject().put("operation", "create").put("kind", "dropAfterWrite").put("count", 2));
    assertThatThrownBy(() -> c.create(new SObject[] {contact("Bob", "Dropped", "bob@x.com")})).isInstanceOf(ConnectionException.class);
    assertThat(count(c, "Dropped")).as("the client saw a failure, yet both sends were applied").isEqualTo(2);
    assertThat(sim.stats().getJsonObject("calls").getInteger("create")).isEqualTo(4);
  }

  @Test
  void anUnknownKindIsRefused_namingTheLostAnswerKinds() {
    assertThatThrownBy(() -> sim.fault(new JsonObject().put("kind", "http504AfterWrite")))
        .hasMessageContaining("400").hasMessageContaining("http503AfterWrite").hasMessageContaining("dropAfterWrite");
  }
}
