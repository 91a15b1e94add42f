package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectorConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Logins, sessions and their expiry, through force-wsc as the middleware uses it. */
class SalesforceLoginIT extends SalesforceTestbedSupport {

  @Test
  void aLoginGivesASessionAndTheServerUrlOfTheOrg() throws Exception {
    PartnerConnection c = connect();
    GetUserInfoResult info = c.getUserInfo();
    assertThat(info.getOrganizationId()).isEqualTo(SalesforceIds.canonical(ORG_ID));
    assertThat(info.getUserName()).isEqualTo(INTEGRATION);
    assertThat(info.getUserFullName()).isEqualTo("Integration User");
    assertThat(info.getOrganizationName()).isEqualTo("Acme");
    assertThat(c.getConfig().getServiceEndpoint()).isEqualTo(bed.authEndpoint() + "/" + ORG_ID);
    assertThat(c.getServerTimestamp().getTimestamp().toInstant()).isCloseTo(clock.instant(), org.assertj.core.api.Assertions.within(
        1, java.time.temporal.ChronoUnit.SECONDS));
    assertThat(c.getLimitInfoHeader().getLimitInfo()[0].getType()).isEqualTo("API REQUESTS");
  }

  @Test
  void aManualLoginReturnsTheLoginResult() throws Exception {
    ConnectorConfig config = new ConnectorConfig();
    config.setManualLogin(true);
    config.setServiceEndpoint(bed.authEndpoint());
    PartnerConnection c = Connector.newConnection(config);
    LoginResult login = c.login("INTEGRATION@exsync.example.com", PASSWORD);
    assertThat(login.getUserId()).isEqualTo(login.getUserInfo().getUserId());
    assertThat(login.getServerUrl()).isEqualTo(bed.authEndpoint() + "/" + ORG_ID);
    assertThat(login.getSessionId()).startsWith(ORG_ID + "!");
    assertThat(login.isPasswordExpired()).isFalse();
    c.getConfig().setServiceEndpoint(login.getServerUrl());
    c.setSessionHeader(login.getSessionId());
    assertThat(c.getUserInfo().getUserId()).isEqualTo(login.getUserId());
  }

  @Test
  void aWrongPasswordOrUnknownUserIsInvalidLogin() {
    assertThatThrownBy(() -> connect(INTEGRATION, "wrong")).isInstanceOfSatisfying(LoginFault.class, f -> {
      assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_LOGIN);
      assertThat(f.getExceptionMessage()).isEqualTo("Invalid username, password, security token; or user locked out.");
    });
    assertThatThrownBy(() -> connect("nobody@acme.example.com", PASSWORD)).isInstanceOf(LoginFault.class);
    // a rep without a password cannot log in either
    assertThatThrownBy(() -> connect("ann@acme.example.com", "")).isInstanceOf(LoginFault.class);
    assertThat(sim.stats().getLong("authChallenges")).isEqualTo(3);
  }

  @Test
  void withASecurityTokenOnlyThePasswordWithTheTokenAppendedLogsIn() throws Exception {
    String token = "aB3dE5fG7hJ9kL1mN3pQ5rS7";
    sim.org(new JsonObject().put("orgId", ORG_ID)
        .put("integrationUser", new JsonObject().put("username", INTEGRATION).put("password", PASSWORD).put("securityToken", token))
        .put("users", new JsonArray()
            .add(new JsonObject().put("id", ANN_ID).put("username", "ann@acme.example.com").put("password", "Ann-pass1")
                .put("securityToken", "ANNTOKEN"))
            .add(new JsonObject().put("id", BOB_ID).put("username", "bob@acme.example.com").put("password", "Bob-pass1"))));

    // outside the trusted IP ranges: password + token, as the org requires
    PartnerConnection c = connect(INTEGRATION, PASSWORD + token);
    assertThat(c.getUserInfo().getUserName()).isEqualTo(INTEGRATION);
    assertThat(connect("ann@acme.example.com", "Ann-pass1ANNTOKEN").getUserInfo().getUserId())
        .isEqualTo(SalesforceIds.canonical(ANN_ID));
    for (String wrong : new String[] {PASSWORD, token, token + PASSWORD, PASSWORD + token.toLowerCase(), PASSWORD + token + "x"}) {
      assertThatThrownBy(() -> connect(INTEGRATION, wrong)).as(wrong).isInstanceOfSatisfying(LoginFault.class, f -> {
        assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_LOGIN);
        assertThat(f.getExceptionMessage()).isEqualTo("Invalid username, password, security token; or user locked out.");
      });
    }
    assertThatThrownBy(() -> connect("ann@acme.example.com", "Ann-pass1")).isInstanceOf(LoginFault.class);

    // a user without a token logs in from a trusted range: the password alone
    assertThat(connect("bob@acme.example.com", "Bob-pass1").getUserInfo().getUserId()).isEqualTo(SalesforceIds.canonical(BOB_ID));
    assertThatThrownBy(() -> connect("bob@acme.example.com", "Bob-pass1" + token)).isInstanceOf(LoginFault.class);
    assertThat(sim.stats().getLong("authChallenges")).isEqualTo(7);
  }

  @Test
  void anEmptySecurityTokenOrOneWithoutAPasswordIsA400() {
    assertThatThrownBy(() -> sim.org(new JsonObject().put("integrationUser", new JsonObject().put("username", INTEGRATION)
        .put("password", PASSWORD).put("securityToken", ""))))
        .hasMessageContaining("400").hasMessageContaining("the securityToken of " + INTEGRATION + " must not be empty");
    assertThatThrownBy(() -> sim.org(new JsonObject().put("users", new JsonArray()
        .add(new JsonObject().put("username", "ann@acme.example.com").put("securityToken", "ANNTOKEN")))))
        .hasMessageContaining("400").hasMessageContaining("the securityToken of ann@acme.example.com needs a password to go with it");
  }

  @Test
  void anExpiredSessionIsInvalidSessionId_andLoggingInAgainWorks() throws Exception {
    PartnerConnection c = connect();
    c.getUserInfo();
    sim.fault(new JsonObject().put("operation", "query").put("kind", "INVALID_SESSION_ID"));
    assertThatThrownBy(() -> c.query("SELECT Id FROM Contact")).isInstanceOfSatisfying(UnexpectedErrorFault.class, f -> {
      assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID);
      assertThat(f.getExceptionMessage()).isEqualTo("Invalid Session ID found in SessionHeader: Illegal Session");
      assertThat(f.toString()).contains("INVALID_SESSION_ID");
    });
    // the session stays expired for every call, not only the one the fault hit
    assertThatThrownBy(c::getUserInfo).isInstanceOf(UnexpectedErrorFault.class);
    PartnerConnection again = connect();
    assertThat(again.query("SELECT Id FROM Contact").getSize()).isZero();
  }

  @Test
  void aSessionUnusedForTwoHoursExpires() throws Exception {
    PartnerConnection c = connect();
    clock.advance(Duration.ofMinutes(119));
    c.getUserInfo();
    clock.advance(Duration.ofMinutes(121));
    assertThatThrownBy(c::getUserInfo).isInstanceOfSatisfying(UnexpectedErrorFault.class,
        f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID));
  }

  @Test
  void aCallWithoutSessionIsRefused() throws Exception {
    PartnerConnection c = connect();
    c.setSessionHeader("00D5g00000TESTA!forged");
    assertThatThrownBy(c::getUserInfo).isInstanceOf(UnexpectedErrorFault.class);
  }
}
