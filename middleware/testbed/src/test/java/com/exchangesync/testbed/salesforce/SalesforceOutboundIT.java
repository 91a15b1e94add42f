package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.contacts;
import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.create;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Outbound Messages to a small listener: batching, acknowledgement, retries, content. */
class SalesforceOutboundIT extends SalesforceTestbedSupport {

  private static final String ACK = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
      + "<notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack></notificationsResponse>"
      + "</soapenv:Body></soapenv:Envelope>";

  /** One message as the listener saw it. */
  record Message(int status, String orgId, String actionId, List<String> notificationIds, List<Element> sObjects) {}

  private final List<Message> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile String failureBody = "<html>boom</html>";
  private HttpServer listener;

  private String startListener() throws Exception {
    listener = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      try {
        Element root = SoapXml.parse(body.getBytes()).getDocumentElement();
        Element notifications = SoapXml.child(SoapXml.child(root, "Body").orElseThrow(), "notifications").orElseThrow();
        List<String> ids = new ArrayList<>();
        List<Element> objects = new ArrayList<>();
        for (Element n : SoapXml.children(notifications, "Notification")) {
          ids.add(SoapXml.childText(n, "Id").orElseThrow());
          objects.add(SoapXml.child(n, "sObject").orElseThrow());
        }
        boolean fail = failuresLeft.getAndDecrement() > 0;
        received.add(new Message(fail ? 500 : 200, SoapXml.childText(notifications, "OrganizationId").orElse(null),
            SoapXml.childText(notifications, "ActionId").orElse(null), ids, objects));
        if (fail) {
          req.response().setStatusCode(500).end(failureBody);
        } else {
          req.response().putHeader("Content-Type", "text/xml").end(ACK);
        }
      } catch (Exception e) {
        req.response().setStatusCode(400).end(e.toString());
      }
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return "http://127.0.0.1:" + listener.actualPort() + "/salesforce/outbound/token";
  }

  @AfterEach
  void stopListener() throws Exception {
    if (listener != null) {
      listener.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private JsonObject awaitDelivered(long n) throws InterruptedException {
    JsonObject status = sim.outboundStatus();
    for (int i = 0; i < 300 && status.getLong("delivered") < n; i++) {
      Thread.sleep(100);
      status = sim.outboundStatus();
    }
    return status;
  }

  @Test
  void fiveHundredContacts_fiveHundredNotifications_inMessagesOfAtMost100_retriedAfterA500() throws Exception {
    String url = startListener();
    failuresLeft.set(1);
    sim.outbound(url, new JsonObject().put("Contact", new JsonArray().add("LastName").add("Email").add("OwnerId").add("Title")));
    PartnerConnection c = connect();
    create(c, contacts(0, 200));
    create(c, contacts(200, 200));
    create(c, contacts(400, 100));

    JsonObject status = awaitDelivered(500);
    assertThat(status.getLong("delivered")).isEqualTo(500);
    assertThat(status.getLong("pending")).isZero();
    assertThat(status.getLong("failedAttempts")).isEqualTo(1);
    assertThat(status.getLong("attempts")).isEqualTo(received.size());

    List<Message> ok = received.stream().filter(m -> m.status() == 200).toList();
    Message failed = received.stream().filter(m -> m.status() == 500).findFirst().orElseThrow();
    assertThat(received).allSatisfy(m -> assertThat(m.notificationIds()).hasSizeBetween(1, 100));
    assertThat(ok.stream().mapToInt(m -> m.notificationIds().size()).sum()).isEqualTo(500);
    Set<String> deliveredIds = new HashSet<>();
    ok.forEach(m -> deliveredIds.addAll(m.notificationIds()));
    assertThat(deliveredIds).hasSize(500).containsAll(failed.notificationIds()); // same notification ids when retried

    Message first = ok.get(0);
    assertThat(first.orgId()).isEqualTo(SalesforceIds.canonical(ORG_ID));
    assertThat(first.actionId()).startsWith("04k");
    Element sObject = first.sObjects().get(0);
    assertThat(sObject.getAttributeNS(SoapXml.XSI, "type")).isEqualTo("sf:Contact");
    assertThat(sObject.getNamespaceURI()).isEqualTo(SoapXml.OUTBOUND);
    assertThat(SoapXml.childText(sObject, "Id").orElseThrow()).startsWith("003").hasSize(18);
    assertThat(SoapXml.childText(sObject, "LastName").orElseThrow()).startsWith("Last");
    assertThat(SoapXml.child(sObject, "Title")).isEmpty(); // nulls are left out
    assertThat(SoapXml.child(sObject, "FirstName")).isEmpty(); // not chosen
    assertThat(SoapXml.child(sObject, "LastName").orElseThrow().getNamespaceURI()).isEqualTo(SoapXml.ENTERPRISE_SOBJECT);
  }

  @Test
  void uiEditsNotifyToo_withTheLatestValues_andNoAckMeansRetry() throws Exception {
    String url = startListener();
    failuresLeft.set(2);
    failureBody = ACK.replace("true", "false").replace("<Ack>true", "<Ack>false");
    sim.outbound(url, new JsonObject().put("Contact", new JsonArray().add("Title")));
    JsonObject created = sim.create("Contact", new JsonObject().put("LastName", "Ui").put("Title", "First"));
    sim.update("Contact", created.getString("Id"), new JsonObject().put("Title", "Second"));
    sim.create("Account", new JsonObject().put("Name", "Not watched"));

    JsonObject status = awaitDelivered(2);
    assertThat(status.getLong("delivered")).isEqualTo(2);
    assertThat(status.getLong("failedAttempts")).isEqualTo(2);
    List<String> titles = received.stream().filter(m -> m.status() == 200)
        .flatMap(m -> m.sObjects().stream()).map(o -> SoapXml.childText(o, "Title").orElse(null)).toList();
    assertThat(titles).containsOnly("Second");
  }

  @Test
  void eventsNotify_oneNotificationPerOccurrenceOfASeries_andPerInviteeCopy() throws Exception {
    String url = startListener();
    sim.outbound(url, new JsonObject().put("Event", new JsonArray().add("Subject").add("IsChild").add("IsRecurrence2")));
    PartnerConnection c = connect();
    String first = create(c, SalesforceEventsIT.event("Weekly", "StartDateTime", SalesforceEventsIT.at("2030-03-04T09:00:00Z"),
        "DurationInMinutes", 30, "IsRecurrence2", true, "Recurrence2PatternText", "RRULE:FREQ=WEEKLY;COUNT=3")).get(0);
    create(c, SalesforceEventRelationIT.relation(first, BOB_ID));

    JsonObject status = awaitDelivered(4);
    assertThat(status.getLong("delivered")).isEqualTo(4);
    List<Element> events = received.stream().filter(m -> m.status() == 200).flatMap(m -> m.sObjects().stream()).toList();
    assertThat(events).allSatisfy(e -> assertThat(e.getAttributeNS(SoapXml.XSI, "type")).isEqualTo("sf:Event"));
    assertThat(events.stream().map(e -> SoapXml.childText(e, "IsChild").orElseThrow()).toList())
        .containsExactlyInAnyOrder("false", "false", "false", "true");
    assertThat(events.stream().map(e -> SoapXml.childText(e, "IsRecurrence2").orElseThrow()).toList()).containsOnly("true");
  }

  @Test
  void anUnreachableListenerKeepsTheQueue() throws Exception {
    sim.outbound("http://127.0.0.1:9/unreachable", new JsonObject().put("Contact", new JsonArray()));
    sim.create("Contact", new JsonObject().put("LastName", "Waiting"));
    JsonObject status = sim.outboundStatus();
    for (int i = 0; i < 100 && status.getLong("attempts") < 3; i++) {
      Thread.sleep(50);
      status = sim.outboundStatus();
    }
    assertThat(status.getLong("attempts")).isGreaterThanOrEqualTo(3);
    assertThat(status.getLong("pending")).isEqualTo(1);
    assertThat(status.getLong("delivered")).isZero();
  }
}
