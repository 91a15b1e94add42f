package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An org stores date-times to the second: what comes back, through the API and in Outbound Messages, ends in {@code .000Z}. */
class SalesforceDateTimePrecisionIT extends SalesforceTestbedSupport {

  @Test
  void dateTimesAndAuditStamps_areStoredAndReturnedToTheSecond() throws Exception {
    clock.advance(Duration.ofMillis(789 - clock.instant().toEpochMilli() % 1000 + 1000));
    PartnerConnection c = connect();
    SObject status = new SObject();
    status.setType("Exchange_Sync_User_Status__c");
    Calendar at = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    at.setTime(Date.from(java.time.Instant.parse("2026-05-01T09:30:15.456Z")));
    status.setField("Last_Sync__c", at);
    SaveResult saved = c.create(new SObject[] {status})[0];
    assertThat(saved.isSuccess()).as(java.util.Arrays.toString(saved.getErrors())).isTrue();

    SObject back = c.retrieve("Last_Sync__c, CreatedDate, SystemModstamp", "Exchange_Sync_User_Status__c",
        new String[] {saved.getId()})[0];
    assertThat(back.getField("Last_Sync__c")).isEqualTo("2026-05-01T09:30:15.000Z");
    assertThat((String) back.getField("CreatedDate")).endsWith(".000Z");
    assertThat((String) back.getField("SystemModstamp")).endsWith(".000Z");

    String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:urn=\"urn:partner.soap.sforce.com\">"
        + "<soapenv:Header><urn:SessionHeader><urn:sessionId>" + c.getSessionHeader().getSessionId()
        + "</urn:sessionId></urn:SessionHeader></soapenv:Header><soapenv:Body><urn:query><urn:queryString>"
        + "SELECT Last_Sync__c, SystemModstamp FROM Exchange_Sync_User_Status__c</urn:queryString></urn:query></soapenv:Body>"
        + "</soapenv:Envelope>";
    String raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bed.soapEndpoint()))
        .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(raw).contains("<sf:Last_Sync__c>2026-05-01T09:30:15.000Z</sf:Last_Sync__c>")
        .containsPattern("<sf:SystemModstamp>[0-9T:-]+\\.000Z</sf:SystemModstamp>");
  }

  @Test
  void outboundMessages_carryDateTimesToTheSecond() throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer listener = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
      bodies.add(b.toString());
      req.response().putHeader("Content-Type", "text/xml").end("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/"
          + "envelope/\"><soapenv:Body><notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack>"
          + "</notificationsResponse></soapenv:Body></soapenv:Envelope>");
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    try {
      clock.advance(Duration.ofMillis(321 - clock.instant().toEpochMilli() % 1000 + 1000));
      sim.outbound("http://127.0.0.1:" + listener.actualPort() + "/salesforce/outbound/t",
          new JsonObject().put("Exchange_Sync_User_Status__c", new JsonArray().add("Id").add("Last_Sync__c").add("SystemModstamp")));
      sim.create("Exchange_Sync_User_Status__c", new JsonObject().put("Last_Sync__c", "2026-05-01T09:30:15.999+02:00"));
      for (int i = 0; i < 100 && bodies.isEmpty(); i++) {
        Thread.sleep(50);
      }
      assertThat(bodies).hasSize(1);
      assertThat(bodies.get(0)).contains(">2026-05-01T07:30:15.000Z<")
          .containsPattern("<sf:SystemModstamp>[0-9T:-]+\\.000Z</sf:SystemModstamp>");
    } finally {
      listener.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
