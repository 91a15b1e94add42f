package com.exchangesync.testbed.salesforce;

import java.util.List;

/**
 * An Outbound Message as Salesforce posts it: SOAP 1.1, {@code notifications}
 * in {@code http://soap.sforce.com/2005/09/outbound} with the org id (18
 * characters), the action id, a nil session id, the enterprise and partner
 * URLs, and up to 100 {@code Notification}s, each with its own id and the
 * record's current values of the chosen fields (nulls left out) in the
 * enterprise sObject namespace, typed {@code sf:<Object>}.
 */
final class OutboundMessageXml {

  /** One notification: its id and the record it reports. */
  record Item(String notificationId, Row row) {}

  private OutboundMessageXml() {}

  static String write(String orgId, String actionId, String baseUrl, List<FieldDef> fields, List<Item> items) {
    String org15 = SalesforceIds.shortForm(orgId);
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"")
        .append(SoapXml.SOAP).append("\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"").append(SoapXml.XSI)
        .append("\"><soapenv:Body><notifications xmlns=\"").append(SoapXml.OUTBOUND).append("\"><OrganizationId>").append(orgId)
        .append("</OrganizationId><ActionId>").append(actionId).append("</ActionId><SessionId xsi:nil=\"true\"/><EnterpriseUrl>")
        .append(SoapXml.esc(baseUrl + "/services/Soap/c/" + SalesforceTestbed.DEFAULT_VERSION + "/" + org15))
        .append("</EnterpriseUrl><PartnerUrl>")
        .append(SoapXml.esc(baseUrl + "/services/Soap/u/" + SalesforceTestbed.DEFAULT_VERSION + "/" + org15))
        .append("</PartnerUrl>");
    for (Item item : items) {
      out.append("<Notification><Id>").append(item.notificationId()).append("</Id><sObject xsi:type=\"sf:")
          .append(SoapXml.esc(item.row().type.name)).append("\" xmlns:sf=\"").append(SoapXml.ENTERPRISE_SOBJECT).append("\">");
      for (FieldDef f : fields) {
        Object v = f.name().equals("Id") ? item.row().id : item.row().get(f.name());
        if (v != null) {
          out.append("<sf:").append(f.name()).append('>').append(SoapXml.esc(FieldValues.toText(v))).append("</sf:")
              .append(f.name()).append('>');
        }
      }
      out.append("</sObject></Notification>");
    }
    return out.append("</notifications></soapenv:Body></soapenv:Envelope>").toString();
  }
}
