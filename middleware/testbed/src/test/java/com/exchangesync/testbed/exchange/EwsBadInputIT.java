package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import org.junit.jupiter.api.Test;

/** Bad input gets the fault Exchange gives, quickly, and the server keeps serving. */
class EwsBadInputIT extends ExchangeTestbedSupport {

  private void assertFault(HttpResponse<String> r, String code) {
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("<faultcode xmlns:a=\"http://schemas.microsoft.com/exchange/services/2006/types\">a:" + code + "</faultcode>")
        .contains("<e:ResponseCode xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">" + code + "</e:ResponseCode>");
  }

  private void assertStillServing() throws Exception {
    assertThat(Folder.bind(service(ANN), WellKnownFolderName.Contacts).getDisplayName()).isEqualTo("Contacts");
  }

  @Test
  void malformedXml() throws Exception {
    assertFault(post(HEAD + "<m:GetFolder><unclosed>" + TAIL), "ErrorSchemaValidation");
    assertFault(post("not xml at all"), "ErrorSchemaValidation");
    assertFault(post(""), "ErrorSchemaValidation");
    assertStillServing();
  }

  @Test
  void anyDoctype_externalEntity_orEntityBomb() throws Exception {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + HEAD
        + "<m:GetFolder><m:FolderShape><t:BaseShape>&x;</t:BaseShape></m:FolderShape></m:GetFolder>" + TAIL;
    HttpResponse<String> r = post(xxe);
    assertFault(r, "ErrorSchemaValidation");
    assertThat(r.body()).doesNotContain("root:").contains("DTD is prohibited");

    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE b [<!ENTITY a0 \"lol\">");
    for (int i = 1; i < 12; i++) {
      bomb.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    bomb.append("]>").append(HEAD).append("<m:GetFolder>&a11;</m:GetFolder>").append(TAIL);
    long start = System.nanoTime();
    assertFault(post(bomb.toString()), "ErrorSchemaValidation");
    assertThat((System.nanoTime() - start) / 1_000_000).as("refused before any expansion").isLessThan(2000);
    assertStillServing();
  }

  @Test
  void anUnknownOperation() throws Exception {
    HttpResponse<String> r = post(HEAD + "<m:LaunchRockets><m:Count>3</m:Count></m:LaunchRockets>" + TAIL);
    assertFault(r, "ErrorSchemaValidation");
    assertStillServing();
  }

  @Test
  void aRequestThatBreaksTheSchema() throws Exception {
    // GetFolder without FolderIds, and SyncFolderItems asking for more than 512 changes.
    assertFault(post(HEAD + "<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape></m:GetFolder>" + TAIL),
        "ErrorSchemaValidation");
    assertFault(post(HEAD + "<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>"
        + "<m:SyncFolderId><t:DistinguishedFolderId Id=\"contacts\"/></m:SyncFolderId>"
        + "<m:MaxChangesReturned>513</m:MaxChangesReturned></m:SyncFolderItems>" + TAIL), "ErrorSchemaValidation");
    assertStillServing();
  }

  @Test
  void aBodyThatIsNotSoap() throws Exception {
    assertFault(post("<html><body>hello</body></html>"), "ErrorSchemaValidation");
    assertStillServing();
  }

  @Test
  void badJsonOnTheAdminApi() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bed.baseUrl()
        + "/sim/mailboxes/" + ANN + "/contacts")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"surname\": ")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("not valid JSON");
    HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bed.baseUrl()
        + "/sim/mailboxes/" + ANN + "/contacts")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"nickname\": \"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("unknown field 'nickname'");
    assertThat(sim.contacts(ANN, null)).isEmpty();
    assertStillServing();
  }
}
