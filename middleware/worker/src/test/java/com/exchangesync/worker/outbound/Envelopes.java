package com.exchangesync.worker.outbound;

import java.util.List;

/** Outbound Message envelopes for tests, shaped as Salesforce sends them. */
final class Envelopes {

  static final String ORG = "00D000000000001EAA";

  private Envelopes() {}

  /** A message with one Contact notification per id ({@code Id} and {@code OwnerId} fields). */
  static String contacts(String orgId, List<String> notificationIds) {
    StringBuilder n = new StringBuilder();
    for (int i = 0; i < notificationIds.size(); i++) {
      n.append("<Notification><Id>").append(notificationIds.get(i)).append("</Id>")
          .append("<sObject xsi:type=\"sf:Contact\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">")
          .append("<sf:Id>003000000000").append(String.format("%03d", i)).append("</sf:Id>")
          .append("<sf:OwnerId>005000000000001</sf:OwnerId>")
          .append("</sObject></Notification>");
    }
    return envelope(orgId, n.toString());
  }

  static String envelope(String orgId, String notifications) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<soapenv:Body><notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\">"
        + "<OrganizationId>" + orgId + "</OrganizationId>"
        + "<ActionId>04k000000000001AAA</ActionId>"
        + "<SessionId>00D000000000001!SECRETSESSION</SessionId>"
        + "<EnterpriseUrl>https://example.my.salesforce.com/services/Soap/c/65.0/00D000000000001</EnterpriseUrl>"
        + "<PartnerUrl>https://example.my.salesforce.com/services/Soap/u/65.0/00D000000000001</PartnerUrl>"
        + notifications
        + "</notifications></soapenv:Body></soapenv:Envelope>";
  }

  /** An external-entity (XXE) payload that would read /etc/passwd. */
  static String externalEntity() {
    return "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + envelope(ORG, "<Notification><Id>&xxe;</Id><sObject xsi:type=\"sf:Contact\""
            + " xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"><sf:Id>003000000000001</sf:Id></sObject></Notification>")
            .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
  }

  /** The "billion laughs" entity-expansion bomb. */
  static String entityBomb() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
    for (int i = 2; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        dtd.append("&lol").append(i - 1).append(';');
      }
      dtd.append("\">");
    }
    dtd.append("]>");
    return "<?xml version=\"1.0\"?>" + dtd
        + envelope(ORG, "<Notification><Id>&lol9;</Id><sObject xsi:type=\"sf:Contact\""
            + " xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"><sf:Id>003000000000001</sf:Id></sObject></Notification>")
            .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
  }
}
