package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceRequestException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import org.junit.jupiter.api.Test;

/** Faults injected through /sim/faults, each in the shape Exchange sends. */
class EwsFaultsIT extends ExchangeTestbedSupport {

  private static ServiceResponseException responseError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ServiceResponseException e) {
        return e;
      }
    }
    throw new AssertionError("not an EWS error: " + t, t);
  }

  @Test
  void serverBusyCarriesBackOffMilliseconds_inTheFaultDetails() throws Exception {
    sim.fault(new JsonObject().put("operation", "GetFolder").put("kind", "serverBusy").put("backOffMilliseconds", 1234).put("count", 2));
    ExchangeService service = service(ANN);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> Folder.bind(service, WellKnownFolderName.Contacts)).satisfies(t -> {
        ServiceResponseException e = responseError(t);
        assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorServerBusy);
        assertThat(e.getResponse().getErrorDetails()).containsEntry("BackOffMilliseconds", "1234");
      });
    }
    assertThat(Folder.bind(service, WellKnownFolderName.Contacts).getDisplayName()).as("the fault is used up").isEqualTo("Contacts");
    assertThat(sim.stats().getJsonObject("calls").getLong("GetFolder")).isEqualTo(3);
  }

  @Test
  void http503And500AreAnsweredAsIisAndExchangeDo() throws Exception {
    sim.fault(new JsonObject().put("operation", "*").put("kind", "http503"));
    ExchangeService service = service(ANN);
    assertThatThrownBy(() -> Folder.bind(service, WellKnownFolderName.Contacts))
        .isInstanceOf(ServiceRequestException.class).hasMessageContaining("503");
    sim.fault(new JsonObject().put("operation", "GetFolder").put("kind", "http500"));
    assertThatThrownBy(() -> Folder.bind(service, WellKnownFolderName.Contacts))
        .satisfies(t -> assertThat(responseError(t).getErrorCode()).isEqualTo(ServiceError.ErrorInternalServerError));
    assertThat(Folder.bind(service, WellKnownFolderName.Contacts).getDisplayName()).isEqualTo("Contacts");
  }

  @Test
  void latencyIsAddedToEveryMatchingCall_withoutBlockingOthers() throws Exception {
    sim.fault(new JsonObject().put("operation", "GetFolder").put("kind", "latency").put("ms", 300).put("count", -1));
    ExchangeService service = service(ANN);
    long start = System.nanoTime();
    Folder.bind(service, WellKnownFolderName.Contacts);
    long slowMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(slowMillis).isGreaterThanOrEqualTo(300);
    assertThat(sim.stats().getLong("httpRequests")).as("the admin API still answers").isGreaterThan(0);
  }

  @Test
  void aBadFaultIsRefusedWithTheReason() {
    assertThatThrownBy(() -> sim.fault(new JsonObject().put("kind", "meteor")))
        .hasMessageContaining("400").hasMessageContaining("kind must be one of");
    assertThatThrownBy(() -> sim.fault(new JsonObject().put("kind", "latency")))
        .hasMessageContaining("needs ms");
  }
}
