package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import microsoft.exchange.webservices.data.autodiscover.AutodiscoverService;
import microsoft.exchange.webservices.data.autodiscover.enumeration.UserSettingName;
import microsoft.exchange.webservices.data.autodiscover.response.GetUserSettingsResponse;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceRequestException;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import org.junit.jupiter.api.Test;

/** Authentication, impersonation and Autodiscover. */
class EwsAccessIT extends ExchangeTestbedSupport {

  private static final String GET_CONTACTS = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
      + " xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\""
      + " xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\">"
      + "<soap:Header><t:RequestServerVersion Version=\"Exchange2010_SP2\"/>"
      + "<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>" + ANN + "</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>"
      + "</soap:Header><soap:Body><m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>"
      + "<m:FolderIds><t:DistinguishedFolderId Id=\"contacts\"/></m:FolderIds></m:GetFolder></soap:Body></soap:Envelope>";

  private long authChallenges() {
    return sim.stats().getLong("authChallenges");
  }

  @Test
  void aWrongPasswordIsChallengedAndRefused() throws Exception {
    ExchangeService service = service(SERVICE, "wrong", ANN);
    assertThatThrownBy(() -> Folder.bind(service, WellKnownFolderName.Contacts))
        .isInstanceOf(ServiceRequestException.class).hasMessageContaining("401");
    assertThat(authChallenges()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void credentialsSentWithTheFirstRequest_meetNoChallenge() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String basic = "Basic " + Base64.getEncoder().encodeToString((SERVICE + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bed.ewsUrl())).header("Authorization", basic)
          .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(GET_CONTACTS)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("ResponseClass=\"Success\"").contains("ServerVersionInfo");
    }
    assertThat(authChallenges()).isZero();
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(bed.ewsUrl()))
        .POST(HttpRequest.BodyPublishers.ofString(GET_CONTACTS)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
    assertThat(authChallenges()).isEqualTo(1);
  }

  @Test
  void aDownLevelServiceAccountNameLogsOnToo() throws Exception {
    sim.serviceAccount("CORP\\svc", PASSWORD, null);
    ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
    service.setCredentials(new WebCredentials("svc", PASSWORD, "CORP"));
    service.setUrl(new URI(bed.ewsUrl()));
    service.setImpersonatedUserId(new microsoft.exchange.webservices.data.misc.ImpersonatedUserId(
        microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType.SmtpAddress, ANN));
    assertThat(Folder.bind(service, WellKnownFolderName.Contacts).getDisplayName()).isEqualTo("Contacts");
  }

  @Test
  void impersonatingOutsideTheScopeIsDenied() throws Exception {
    assertThatThrownBy(() -> Folder.bind(service(OUTSIDER), WellKnownFolderName.Contacts))
        .satisfies(e -> assertThat(ewsError(e)).isEqualTo(ServiceError.ErrorImpersonateUserDenied));
  }

  @Test
  void impersonatingAnAddressWithNoMailboxFails() throws Exception {
    assertThatThrownBy(() -> Folder.bind(service("nobody@corp.example.com"), WellKnownFolderName.Contacts))
        .satisfies(e -> assertThat(ewsError(e)).isEqualTo(ServiceError.ErrorNonExistentMailbox));
  }

  @Test
  void withoutImpersonation_theServiceAccountActsOnItsOwnMailbox() throws Exception {
    assertThatThrownBy(() -> Folder.bind(service(null), WellKnownFolderName.Contacts))
        .satisfies(e -> assertThat(ewsError(e)).isEqualTo(ServiceError.ErrorNonExistentMailbox));
    sim.mailbox(SERVICE, "Sync Service");
    assertThat(Folder.bind(service(null), WellKnownFolderName.Contacts).getDisplayName()).isEqualTo("Contacts");
  }

  @Test
  void autodiscoverGivesTheEwsUrlAndTheDisplayName() throws Exception {
    AutodiscoverService autodiscover = new AutodiscoverService(new URI(bed.autodiscoverUrl()), ExchangeVersion.Exchange2010_SP2);
    autodiscover.setCredentials(new WebCredentials(SERVICE, PASSWORD));
    GetUserSettingsResponse response = autodiscover.getUserSettings(ANN, UserSettingName.ExternalEwsUrl,
        UserSettingName.InternalEwsUrl, UserSettingName.UserDisplayName);
    assertThat(response.getSettings().get(UserSettingName.ExternalEwsUrl)).isEqualTo(bed.ewsUrl());
    assertThat(response.getSettings().get(UserSettingName.UserDisplayName)).isEqualTo("Ann Rep");
    assertThat(response.getErrorCode().name()).isEqualTo("NoError");

    GetUserSettingsResponse unknown = autodiscover.getUserSettings("ghost@corp.example.com", UserSettingName.ExternalEwsUrl);
    assertThat(unknown.getErrorCode().name()).isEqualTo("InvalidUser");
    assertThat(sim.stats().getJsonObject("calls").getLong("GetUserSettings")).isEqualTo(2);
  }

  @Test
  void autodiscoverRefusesAWrongPassword() throws Exception {
    AutodiscoverService autodiscover = new AutodiscoverService(new URI(bed.autodiscoverUrl()), ExchangeVersion.Exchange2010_SP2);
    autodiscover.setCredentials(new WebCredentials(SERVICE, "wrong"));
    assertThatThrownBy(() -> autodiscover.getUserSettings(ANN, UserSettingName.ExternalEwsUrl)).isInstanceOf(Exception.class);
    assertThat(sim.stats().getLong("authChallenges")).isGreaterThanOrEqualTo(1);
    assertThat(List.of(sim.stats().getJsonObject("calls").fieldNames().toArray())).doesNotContain("GetUserSettings");
  }
}
