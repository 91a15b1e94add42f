package com.exchangesync.testbed.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SOAP Autodiscover {@code GetUserSettings}: for each user asked about, the
 * settings the client requested (the EWS URLs, the display name, the server
 * version), {@code InvalidSetting} errors for ones this server does not know,
 * and {@code InvalidUser} for an address with no mailbox.
 */
final class AutodiscoverOperation {

  private AutodiscoverOperation() {}

  static String getUserSettings(MailboxStore store, Document request, String ewsUrl) {
    Element body = Xml.child(request.getDocumentElement(), "Body")
        .orElseThrow(() -> SoapFault.schemaValidation("The envelope has no Body.", 0, 0));
    Element message = Xml.child(body, "GetUserSettingsRequestMessage").orElseThrow(() -> SoapFault.of("ErrorInvalidRequest",
        "This Autodiscover endpoint serves GetUserSettings only."));
    Element req = Xml.child(message, "Request").orElseThrow(() -> SoapFault.schemaValidation("Request is missing.", 0, 0));
    List<String> users = new ArrayList<>();
    Xml.child(req, "Users").ifPresent(u -> Xml.children(u, "User").forEach(user ->
        users.add(Xml.childText(user, "Mailbox").orElse("").trim())));
    List<String> requested = new ArrayList<>();
    Xml.child(req, "RequestedSettings").ifPresent(s -> Xml.children(s, "Setting").forEach(e -> requested.add(e.getTextContent().trim())));

    StringBuilder responses = new StringBuilder();
    for (String smtp : users) {
      Mailbox m = store.mailbox(smtp);
      responses.append("<UserResponse>");
      if (m == null) {
        responses.append("<ErrorCode>InvalidUser</ErrorCode><ErrorMessage>Invalid user: '").append(Xml.esc(smtp))
            .append("'</ErrorMessage><RedirectTarget i:nil=\"true\"/><UserSettingErrors/><UserSettings/>");
      } else {
        Map<String, String> known = settings(m, ewsUrl);
        StringBuilder errors = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (String name : requested) {
          String value = known.get(name);
          if (value == null) {
            errors.append("<UserSettingError><ErrorCode>InvalidSetting</ErrorCode><ErrorMessage>The requested setting '")
                .append(Xml.esc(name)).append("' is not available.</ErrorMessage><SettingName>").append(Xml.esc(name))
                .append("</SettingName></UserSettingError>");
          } else {
            values.append("<UserSetting i:type=\"StringSetting\"><Name>").append(Xml.esc(name)).append("</Name><Value>")
                .append(Xml.esc(value)).append("</Value></UserSetting>");
          }
        }
        responses.append("<ErrorCode>NoError</ErrorCode><ErrorMessage>No error.</ErrorMessage><RedirectTarget i:nil=\"true\"/>")
            .append(errors.isEmpty() ? "<UserSettingErrors/>" : "<UserSettingErrors>" + errors + "</UserSettingErrors>")
            .append(values.isEmpty() ? "<UserSettings/>" : "<UserSettings>" + values + "</UserSettings>");
      }
      responses.append("</UserResponse>");
    }
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><s:Envelope xmlns:s=\"" + Xml.SOAP + "\" xmlns:a=\"" + Xml.ADDRESSING + "\">"
        + "<s:Header><a:Action s:mustUnderstand=\"1\">http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettingsResponse</a:Action>"
        + "<h:ServerVersionInfo xmlns:h=\"" + Xml.AUTODISCOVER + "\" xmlns:i=\"" + Xml.XSI + "\"><h:MajorVersion>15</h:MajorVersion>"
        + "<h:MinorVersion>1</h:MinorVersion><h:MajorBuildNumber>2507</h:MajorBuildNumber><h:MinorBuildNumber>6</h:MinorBuildNumber>"
        + "<h:Version>Exchange2015</h:Version></h:ServerVersionInfo></s:Header><s:Body>"
        + "<GetUserSettingsResponseMessage xmlns=\"" + Xml.AUTODISCOVER + "\"><Response xmlns:i=\"" + Xml.XSI + "\">"
        + "<ErrorCode>NoError</ErrorCode><ErrorMessage/><UserResponses>" + responses + "</UserResponses></Response>"
        + "</GetUserSettingsResponseMessage></s:Body></s:Envelope>";
  }

  private static Map<String, String> settings(Mailbox m, String ewsUrl) {
    Map<String, String> s = new LinkedHashMap<>();
    String local = m.smtp.substring(0, Math.max(0, m.smtp.indexOf('@'))).toLowerCase(Locale.ROOT);
    s.put("UserDisplayName", m.displayName);
    s.put("UserDN", "/o=Exchange Sync Test Bed/ou=Exchange Administrative Group/cn=Recipients/cn=" + local);
    s.put("AutoDiscoverSMTPAddress", m.smtp);
    s.put("InternalEwsUrl", ewsUrl);
    s.put("ExternalEwsUrl", ewsUrl);
    s.put("CasVersion", "15.01.2507.006");
    s.put("EwsSupportedSchemas", "Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1, Exchange2010_SP2,"
        + " Exchange2013, Exchange2013_SP1, Exchange2015, Exchange2016");
    return s;
  }
}
