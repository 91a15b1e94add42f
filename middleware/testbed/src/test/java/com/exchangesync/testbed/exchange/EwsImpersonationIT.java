package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ExchangeImpersonation} by user principal name and security identifier as well as SMTP address,
 * with a service account whose scope names mailboxes by any of them; through ews-java-api.
 */
class EwsImpersonationIT extends ExchangeTestbedSupport {

  static final String CARL = "carl@corp.example.com";
  static final String CARL_UPN = "carl.m@corp.local";
  static final String DORA = "dora@corp.example.com";
  static final String DORA_SID = "S-1-5-21-3623811015-3361044348-30300820-1013";

  @BeforeEach
  void usersWithUpnsAndSids() {
    sim.mailbox(CARL, "Carl Rep", CARL_UPN, null);
    sim.mailbox(DORA, "Dora Rep", null, DORA_SID);
    sim.serviceAccount(SERVICE, PASSWORD, List.of(ANN, CARL_UPN, DORA_SID.toLowerCase()));
  }

  private ExchangeService as(ConnectingIdType type, String id) throws Exception {
    ExchangeService service = service(SERVICE, PASSWORD, null);
    service.setImpersonatedUserId(new ImpersonatedUserId(type, id));
    return service;
  }

  private static String contactsOwner(ExchangeService service) throws Exception {
    return Folder.bind(service, WellKnownFolderName.Contacts).getDisplayName();
  }

  @Test
  void aMailboxIsImpersonatedByItsUpnSidOrSmtpAddress_whicheverTheScopeNamedItBy() throws Exception {
    assertThat(contactsOwner(as(ConnectingIdType.PrincipalName, CARL_UPN))).isEqualTo("Contacts");
    assertThat(contactsOwner(as(ConnectingIdType.PrincipalName, "CARL.M@corp.local"))).as("UPNs compare without case").isEqualTo("Contacts");
    assertThat(contactsOwner(as(ConnectingIdType.SmtpAddress, CARL))).as("the scope named Carl by UPN").isEqualTo("Contacts");
    assertThat(contactsOwner(as(ConnectingIdType.SID, DORA_SID))).isEqualTo("Contacts");
    assertThat(contactsOwner(as(ConnectingIdType.PrincipalName, ANN))).as("a default UPN is the SMTP address").isEqualTo("Contacts");

    ExchangeService carl = as(ConnectingIdType.PrincipalName, CARL_UPN);
    microsoft.exchange.webservices.data.core.service.item.Contact c = new microsoft.exchange.webservices.data.core.service.item.Contact(carl);
    c.setSurname("Written as Carl");
    c.save(WellKnownFolderName.Contacts);
    assertThat(sim.contacts(CARL, null).getJsonObject(0).getString("surname")).as("in Carl's mailbox").isEqualTo("Written as Carl");
  }

  @Test
  void primarySmtpAddressWorksAsEwsWritesIt() throws Exception {
    String request = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\""
        + " xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\">"
        + "<soap:Header><t:RequestServerVersion Version=\"Exchange2013\"/><t:ExchangeImpersonation><t:ConnectingSID>"
        + "<t:PrimarySmtpAddress>" + DORA + "</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation></soap:Header>"
        + "<soap:Body><m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds>"
        + "<t:DistinguishedFolderId Id=\"contacts\"/></m:FolderIds></m:GetFolder>" + TAIL;
    HttpResponse<String> answer = post(request);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("ResponseClass=\"Success\"");
  }

  @Test
  void refusals_nameWhatWasWrong() throws Exception {
    assertThatThrownBy(() -> contactsOwner(as(ConnectingIdType.PrincipalName, "nobody@corp.local")))
        .satisfies(t -> assertThat(ewsError(t)).isEqualTo(ServiceError.ErrorNonExistentMailbox));
    assertThatThrownBy(() -> contactsOwner(as(ConnectingIdType.SID, "S-1-5-21-1-2-3-999")))
        .satisfies(t -> assertThat(ewsError(t)).isEqualTo(ServiceError.ErrorNonExistentMailbox));
    assertThatThrownBy(() -> contactsOwner(as(ConnectingIdType.SID, "not-a-sid")))
        .satisfies(t -> assertThat(ewsError(t)).isEqualTo(ServiceError.ErrorInvalidSid));
    assertThatThrownBy(() -> contactsOwner(as(ConnectingIdType.PrincipalName, "no-at-sign")))
        .satisfies(t -> assertThat(ewsError(t)).isEqualTo(ServiceError.ErrorInvalidUserPrincipalName));
    String bobSid = sim.mailbox(BOB, "Bob Rep", null, null).getString("sid");
    sim.serviceAccount(SERVICE, PASSWORD, List.of(ANN));
    assertThatThrownBy(() -> contactsOwner(as(ConnectingIdType.SID, bobSid)))
        .satisfies(t -> assertThat(ewsError(t)).isEqualTo(ServiceError.ErrorImpersonateUserDenied));
  }

  @Test
  void theAdminApiGivesEachMailboxAUpnAndSid_andRefusesOneTaken() {
    JsonObject erin = sim.mailbox("erin@corp.example.com", "Erin", null, null);
    assertThat(erin.getString("upn")).isEqualTo("erin@corp.example.com");
    assertThat(erin.getString("sid")).matches("S-1-5-21-\\d+-\\d+-\\d+-\\d+");
    assertThatThrownBy(() -> sim.mailbox("frank@corp.example.com", "Frank", CARL_UPN, null))
        .hasMessageContaining("400").hasMessageContaining("already belongs to " + CARL);
    assertThatThrownBy(() -> sim.mailbox("frank@corp.example.com", "Frank", null, "S-2"))
        .hasMessageContaining("400").hasMessageContaining("sid is a security identifier");
  }
}
