package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Hostile or broken requests get a SOAP fault (or a 400 on the admin API), quickly, and the server keeps serving. */
class SalesforceBadInputIT extends SalesforceTestbedSupport {

  private static final String HEAD = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
      + " xmlns:urn=\"urn:partner.soap.sforce.com\"><soapenv:Body>";
  private static final String TAIL = "</soapenv:Body></soapenv:Envelope>";

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bed.baseUrl() + path))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> soap(String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bed.soapEndpoint()))
        .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertClientFault(HttpResponse<String> r, String text) {
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("<soapenv:Fault><faultcode>soapenv:Client</faultcode>").contains(text);
  }

  private void assertStillServing() throws Exception {
    assertThat(connect().query("SELECT COUNT() FROM Contact").getSize()).isZero();
  }

  @Test
  void malformedXml() throws Exception {
    assertClientFault(soap(HEAD + "<urn:login><urn:username>x</urn:username>" + TAIL), "Unable to parse the request");
    assertClientFault(soap("not xml at all"), "Unable to parse the request");
    assertClientFault(soap(""), "Unable to parse the request");
    assertStillServing();
  }

  @Test
  void anyDoctype_externalEntity_orEntityBomb() throws Exception {
    HttpResponse<String> xxe = soap("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + HEAD
        + "<urn:login><urn:username>&x;</urn:username><urn:password>p</urn:password></urn:login>" + TAIL);
    assertClientFault(xxe, "DOCTYPE is not allowed");
    assertThat(xxe.body()).doesNotContain("root:");

    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE b [<!ENTITY a0 \"lol\">");
    for (int i = 1; i < 12; i++) {
      bomb.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    bomb.append("]>").append(HEAD).append("<urn:query><urn:queryString>&a11;</urn:queryString></urn:query>").append(TAIL);
    long start = System.nanoTime();
    assertClientFault(soap(bomb.toString()), "DOCTYPE is not allowed");
    assertThat((System.nanoTime() - start) / 1_000_000).as("refused before any expansion").isLessThan(2000);
    assertStillServing();
  }

  @Test
  void notSoap_unknownOperation_missingArguments() throws Exception {
    assertClientFault(soap("<html><body>hello</body></html>"), "not a SOAP 1.1 envelope");
    assertClientFault(soap(HEAD + "<urn:launchRockets/>" + TAIL), "No operation available for request {urn:partner.soap.sforce.com}"
        + "launchRockets");
    assertClientFault(soap(HEAD + "<urn:login/>" + TAIL), "username");
    HttpResponse<String> noSession = soap(HEAD + "<urn:query><urn:queryString>SELECT Id FROM Contact</urn:queryString></urn:query>"
        + TAIL);
    assertThat(noSession.statusCode()).isEqualTo(500);
    assertThat(noSession.body()).contains("<faultcode>sf:INVALID_SESSION_ID</faultcode>")
        .contains("<sf:UnexpectedErrorFault xsi:type=\"sf:UnexpectedErrorFault\">");
    assertStillServing();
  }

  @Test
  void badAdminApiInput() throws Exception {
    assertThat(post("/sim/records/Contact", "application/json", "{\"LastName\": ").statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = post("/sim/records/Contact", "application/json", "{\"Nope__c\": 1}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("No such column 'Nope__c' on entity 'Contact'");
    HttpResponse<String> missing = post("/sim/records/Contact", "application/json", "{\"FirstName\": \"x\"}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(missing.body()).getJsonArray("errors").getJsonObject(0).getString("statusCode"))
        .isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(post("/sim/records/Widget__c", "application/json", "{}").statusCode()).isEqualTo(404);
    assertThat(post("/sim/faults", "application/json", "{\"kind\": \"meteor\"}").statusCode()).isEqualTo(400);
    assertThat(post("/sim/org", "application/json", "{\"orgId\": \"001000000000000\"}").statusCode()).isEqualTo(400);
    assertThat(post("/sim/org", "application/json", "{\"users\": [{\"username\": \"a@b.c\", \"profileId\": \"junk\"}]}").statusCode())
        .isEqualTo(400);
    assertStillServing();
  }
}
