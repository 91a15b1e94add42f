package com.exchangesync.testbed.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Makes a folder under a rep's Contacts through plain EWS (CreateFolder with
 * impersonation), as a rep told to prepare {@code Salesforce_Sync} would in
 * Outlook: seeding for the demo and for tests that start with contacts already
 * in the folder. The admin API adds items to existing folders only.
 */
public final class ContactsSubfolder {

  private ContactsSubfolder() {}

  /** Creates {@code name} under the Contacts of {@code smtp}; fails with Exchange's answer otherwise. */
  public static void create(String ewsUrl, String username, String password, String smtp, String name) throws Exception {
    String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\""
        + " xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\">"
        + "<soap:Header><t:RequestServerVersion Version=\"Exchange2010_SP2\"/>"
        + "<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>" + Xml.esc(smtp) + "</t:SmtpAddress></t:ConnectingSID>"
        + "</t:ExchangeImpersonation></soap:Header><soap:Body><m:CreateFolder><m:ParentFolderId>"
        + "<t:DistinguishedFolderId Id=\"contacts\"/></m:ParentFolderId><m:Folders><t:ContactsFolder>"
        + "<t:DisplayName>" + Xml.esc(name) + "</t:DisplayName></t:ContactsFolder></m:Folders></m:CreateFolder></soap:Body>"
        + "</soap:Envelope>";
    String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ewsUrl))
        .header("Authorization", basic).header("Content-Type", "text/xml; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || !response.body().contains("ResponseClass=\"Success\"")) {
      throw new IllegalStateException("CreateFolder " + name + " for " + smtp + " answered " + response.statusCode() + ": "
          + response.body());
    }
  }
}
