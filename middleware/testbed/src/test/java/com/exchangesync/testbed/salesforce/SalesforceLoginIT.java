package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * SOAP {@code login()} as Salesforce retires it, through force-wsc 65.0.0: gone
 * at 65.0 and later, disabled by default at 31.0 to 64.0, and the versions
 * Salesforce retired (30.0 and below) refused outright. Where an org still
 * enables it, it checks the password and security token as before.
 */
class SalesforceLoginIT extends SalesforceTestbedSupport {

  /** force-wsc's own login, as {@code Connector.newConnection} makes it with a user name and password. */
  private PartnerConnection soapLogin(String version, String username, String password) throws ConnectionException {
    ConnectorConfig config = new ConnectorConfig();
    config.setUsername(username);
    config.setPassword(password);
    config.setAuthEndpoint(bed.baseUrl() + "/services/Soap/u/" + version);
    return Connector.newConnection(config);
  }

  private void enableSoapLogin(JsonObject integrationUser, JsonArray users) {
    sim.org(new JsonObject().put("orgId", ORG_ID).put("soapLoginEnabled", true).put("integrationUser", integrationUser)
        .put("users", users));
  }

  @Test
  void forceWscLoginAt65_getsTheRealFault_evenWithTheRightPassword() {
    assertThatThrownBy(() -> soapLogin("65.0", INTEGRATION, PASSWORD)).isInstanceOfSatisfying(UnexpectedErrorFault.class, f -> {
      assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_OPERATION);
      assertThat(f.getExceptionMessage())
          .isEqualTo("The SOAP Login operation is not available in the API version specified (65.0)");
    });
    // an org that enabled login() still has none at 65.0
    enableSoapLogin(new JsonObject().put("username", INTEGRATION).put("password", PASSWORD), new JsonArray());
    assertThatThrownBy(() -> soapLogin("66.0", INTEGRATION, PASSWORD)).isInstanceOfSatisfying(UnexpectedErrorFault.class,
        f -> assertThat(f.getExceptionMessage()).endsWith("(66.0)"));
    assertThat(sim.stats().getLong("authChallenges")).isEqualTo(2);
  }

  @Test
  void loginAt31To64_isDisabledByDefault() {
    for (String version : new String[] {"31.0", "64.0"}) {
      assertThatThrownBy(() -> soapLogin(version, INTEGRATION, PASSWORD)).as(version)
          .isInstanceOfSatisfying(UnexpectedErrorFault.class, f -> {
            assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_OPERATION);
            assertThat(f.getExceptionMessage()).isEqualTo("SOAP API login() is disabled by default in this org.");
          });
    }
    assertThat(sim.org().getBoolean("soapLoginEnabled")).isFalse();
  }

  @Test
  void retiredVersions_areUnsupported() {
    for (String version : new String[] {"30.0", "21.0", "abc"}) {
      assertThatThrownBy(() -> soapLogin(version, INTEGRATION, PASSWORD)).as(version)
          .isInstanceOfSatisfying(UnexpectedErrorFault.class, f -> {
            assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.UNSUPPORTED_API_VERSION);
            assertThat(f.getExceptionMessage()).isEqualTo("Invalid Api version specified on URL");
          });
    }
  }

  @Test
  void whereTheOrgEnabledIt_loginAt64GivesASessionAtTheInstance() throws Exception {
    enableSoapLogin(new JsonObject().put("username", INTEGRATION).put("password", PASSWORD).put("name", "Integration User"),
        new JsonArray());
    assertThat(sim.org().getBoolean("soapLoginEnabled")).isTrue();
    ConnectorConfig config = new ConnectorConfig();
    config.setManualLogin(true);
    config.setServiceEndpoint(bed.baseUrl() + "/services/Soap/u/64.0");
    PartnerConnection c = Connector.newConnection(config);
    LoginResult login = c.login("INTEGRATION@exsync.example.com", PASSWORD);
    assertThat(login.getServerUrl()).isEqualTo(bed.instanceUrl() + "/services/Soap/u/64.0/" + ORG_ID);
    assertThat(login.getSessionId()).startsWith(ORG_ID + "!");
    assertThat(login.getUserId()).isEqualTo(login.getUserInfo().getUserId());
    c.getConfig().setServiceEndpoint(login.getServerUrl());
    c.setSessionHeader(login.getSessionId());
    assertThat(c.getUserInfo().getUserId()).isEqualTo(login.getUserId());
  }

  @Test
  void whereTheOrgEnabledIt_aWrongPasswordOrUnknownUserIsInvalidLogin() {
    enableSoapLogin(new JsonObject().put("username", INTEGRATION).put("password", PASSWORD),
        new JsonArray().add(new JsonObject().put("username", "ann@acme.example.com")));
    assertThatThrownBy(() -> soapLogin("64.0", INTEGRATION, "wrong")).isInstanceOfSatisfying(LoginFault.class, f -> {
      assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_LOGIN);
      assertThat(f.getExceptionMessage()).isEqualTo("Invalid username, password, security token; or user locked out.");
    });
    assertThatThrownBy(() -> soapLogin("64.0", "nobody@acme.example.com", PASSWORD)).isInstanceOf(LoginFault.class);
    // a rep without a password cannot log in either
    assertThatThrownBy(() -> soapLogin("64.0", "ann@acme.example.com", "")).isInstanceOf(LoginFault.class);
    assertThat(sim.stats().getLong("authChallenges")).isEqualTo(3);
  }

  @Test
  void whereTheOrgEnabledIt_aSecurityTokenMustBeAppended() throws Exception {
    String token = "aB3dE5fG7hJ9kL1mN3pQ5rS7";
    enableSoapLogin(new JsonObject().put("username", INTEGRATION).put("password", PASSWORD).put("securityToken", token),
        new JsonArray().add(new JsonObject().put("id", BOB_ID).put("username", "bob@acme.example.com").put("password", "Bob-pass1")));

    // outside the trusted IP ranges: password + token, as the org requires
    PartnerConnection c = soapLogin("64.0", INTEGRATION, PASSWORD + token);
    assertThat(c.getUserInfo().getUserName()).isEqualTo(INTEGRATION);
    for (String wrong : new String[] {PASSWORD, token, token + PASSWORD, PASSWORD + token.toLowerCase(), PASSWORD + token + "x"}) {
      assertThatThrownBy(() -> soapLogin("64.0", INTEGRATION, wrong)).as(wrong).isInstanceOfSatisfying(LoginFault.class,
          f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_LOGIN));
    }
    // a user without a token logs in from a trusted range: the password alone
    assertThat(soapLogin("64.0", "bob@acme.example.com", "Bob-pass1").getUserInfo().getUserId())
        .isEqualTo(SalesforceIds.canonical(BOB_ID));
    assertThatThrownBy(() -> soapLogin("64.0", "bob@acme.example.com", "Bob-pass1" + token)).isInstanceOf(LoginFault.class);
  }

  @Test
  void anEmptySecurityTokenOrOneWithoutAPasswordIsA400() {
    assertThatThrownBy(() -> sim.org(new JsonObject().put("integrationUser", new JsonObject().put("username", INTEGRATION)
        .put("password", PASSWORD).put("securityToken", ""))))
        .hasMessageContaining("400").hasMessageContaining("the securityToken of " + INTEGRATION + " must not be empty");
    assertThatThrownBy(() -> sim.org(new JsonObject().put("users", new JsonArray()
        .add(new JsonObject().put("username", "ann@acme.example.com").put("securityToken", "ANNTOKEN")))))
        .hasMessageContaining("400").hasMessageContaining("the securityToken of ann@acme.example.com needs a password to go with it");
    assertThatThrownBy(() -> sim.org(new JsonObject().put("soapLoginEnabled", "yes")))
        .hasMessageContaining("400").hasMessageContaining("soapLoginEnabled must be true or false");
  }
}
