package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceRequestException;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.search.ItemView;
import org.junit.jupiter.api.Test;

/**
 * A write Exchange applied whose answer never reached the client (a 503 from a load balancer, a
 * dropped connection): the item exists though ews-java-api reports a failure, so a retried
 * {@code CreateItem} would make a second one.
 */
class EwsLostAnswerIT extends ExchangeTestbedSupport {

  private static Contact contact(ExchangeService service, String surname) throws Exception {
    Contact c = new Contact(service);
    c.setGivenName("Ann");
    c.setSurname(surname);
    return c;
  }

  private static int contacts(ExchangeService service) throws Exception {
    return service.findItems(WellKnownFolderName.Contacts, new ItemView(100)).getTotalCount();
  }

  @Test
  void http503AfterWrite_createsTheItem_thenAnswers503() throws Exception {
    ExchangeService service = service(ANN);
    sim.fault(new JsonObject().put("operation", "*").put("kind", "http503AfterWrite"));
    assertThat(contacts(service)).as("a read is not a write: the fault waits").isZero();

    assertThatThrownBy(() -> contact(service, "Lost").save(WellKnownFolderName.Contacts))
        .isInstanceOf(ServiceRequestException.class).hasMessageContaining("503");

    assertThat(contacts(service)).as("the contact was created all the same").isEqualTo(1);
    assertThat(sim.contacts(ANN, null).getJsonObject(0).getString("surname")).isEqualTo("Lost");
    contact(service, "Second").save(WellKnownFolderName.Contacts);
    assertThat(contacts(service)).as("the fault is used up").isEqualTo(2);
  }

  @Test
  void dropAfterWrite_createsTheItem_thenClosesTheConnection() throws Exception {
    ExchangeService service = service(ANN);
    sim.fault(new JsonObject().put("operation", "CreateItem").put("kind", "dropAfterWrite"));

    assertThatThrownBy(() -> contact(service, "Dropped").save(WellKnownFolderName.Contacts))
        .isInstanceOf(ServiceRequestException.class);

    assertThat(contacts(service)).as("created once: ews-java-api does not send a POST again").isEqualTo(1);
    assertThat(sim.stats().getJsonObject("calls").getLong("CreateItem")).isEqualTo(1);
  }

  @Test
  void anUnknownKindIsRefused_namingTheLostAnswerKinds() {
    assertThatThrownBy(() -> sim.fault(new JsonObject().put("kind", "http504AfterWrite")))
        .hasMessageContaining("400").hasMessageContaining("http503AfterWrite").hasMessageContaining("dropAfterWrite");
  }
}
