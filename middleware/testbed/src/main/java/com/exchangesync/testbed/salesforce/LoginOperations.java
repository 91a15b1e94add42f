package com.exchangesync.testbed.salesforce;

import java.util.function.Supplier;

/**
 * {@code login}, {@code logout}, {@code getUserInfo} and {@code getServerTimestamp}.
 * {@code login} is what Salesforce retires: at API 65.0 and later it answers
 * {@code INVALID_OPERATION} ("The SOAP Login operation is not available in the
 * API version specified"), and at 31.0 to 64.0 {@code INVALID_OPERATION}
 * ("SOAP API login() is disabled by default in this org.") unless the org
 * enabled it ({@code /sim/org}'s {@code soapLoginEnabled}, "Enable SOAP API
 * login()" in Setup). Where it works it checks the user name (any case) and
 * password of an active user of the org (with the security token appended when
 * the user has one, see {@link LoginCredential}) and answers with a session and
 * the {@code serverUrl} ({@code <instance>/services/Soap/u/<version>/<orgId>})
 * the client then calls. {@code logout} ends the caller's session (a login's or
 * an OAuth access token).
 */
final class LoginOperations {

  private final RecordStore store;
  private final Sessions sessions;
  private final Supplier<String> instanceUrl;
  private volatile boolean soapLoginEnabled;

  LoginOperations(RecordStore store, Sessions sessions, Supplier<String> instanceUrl) {
    this.store = store;
    this.sessions = sessions;
    this.instanceUrl = instanceUrl;
  }

  /** Sets the org's "Enable SOAP API login()" (off in a new org). */
  void soapLoginEnabled(boolean enabled) {
    soapLoginEnabled = enabled;
  }

  boolean soapLoginEnabled() {
    return soapLoginEnabled;
  }

  String login(SoapCall call, ApiVersion version) {
    // The SOAP stack checks the message before the operation runs: a login without its arguments is a client fault anywhere.
    String username = call.required("username");
    if (!version.hasLogin()) {
      throw SalesforceFault.unexpected("INVALID_OPERATION",
          "The SOAP Login operation is not available in the API version specified (" + version.text() + ")");
    }
    if (!soapLoginEnabled) {
      throw SalesforceFault.unexpected("INVALID_OPERATION", "SOAP API login() is disabled by default in this org.");
    }
    String password = SoapXml.child(call.request(), "password").map(e -> e.getTextContent()).orElse("");
    Org org = store.org();
    Row user = store.userByUsername(username);
    LoginCredential credential = user == null ? null : org.credentials().get(user.id);
    if (credential == null || !Boolean.TRUE.equals(user.get("IsActive")) || !credential.accepts(password)) {
      throw SalesforceFault.invalidLogin();
    }
    String session = sessions.open(org.id(), user.id);
    String org15 = SalesforceIds.shortForm(org.id());
    return "<loginResponse><result><metadataServerUrl>" + SoapXml.esc(instanceUrl.get() + "/services/Soap/m/" + call.version() + "/" + org15)
        + "</metadataServerUrl><passwordExpired>false</passwordExpired><sandbox>false</sandbox><serverUrl>"
        + SoapXml.esc(instanceUrl.get() + "/services/Soap/u/" + call.version() + "/" + org15) + "</serverUrl><sessionId>" + session
        + "</sessionId><userId>" + user.id + "</userId><userInfo>" + userInfo(user, org) + "</userInfo></result></loginResponse>";
  }

  String logout(SoapCall call) {
    sessions.end(call.sessionId().orElse(null));
    return "<logoutResponse/>";
  }

  String getUserInfo(String userId) {
    return "<getUserInfoResponse><result>" + userInfo(store.row(userId), store.org()) + "</result></getUserInfoResponse>";
  }

  String getServerTimestamp() {
    return "<getServerTimestampResponse><result><timestamp>" + FieldValues.toText(store.now())
        + "</timestamp></result></getServerTimestampResponse>";
  }

  /** A {@code GetUserInfoResult}, every element in schema order. */
  private static String userInfo(Row user, Org org) {
    return "<accessibilityMode>false</accessibilityMode><chatterExternal>false</chatterExternal><currencySymbol>$</currencySymbol>"
        + "<orgAttachmentFileSizeLimit>5242880</orgAttachmentFileSizeLimit><orgDefaultCurrencyIsoCode>USD</orgDefaultCurrencyIsoCode>"
        + "<orgDefaultCurrencyLocale>en_US</orgDefaultCurrencyLocale><orgDisallowHtmlAttachments>false</orgDisallowHtmlAttachments>"
        + "<orgHasPersonAccounts>false</orgHasPersonAccounts><organizationId>" + org.id() + "</organizationId>"
        + "<organizationMultiCurrency>false</organizationMultiCurrency><organizationName>" + SoapXml.esc(org.name())
        + "</organizationName><profileId>" + user.get("ProfileId") + "</profileId><roleId xsi:nil=\"true\"/>"
        + "<sessionSecondsValid>" + Sessions.SECONDS_VALID + "</sessionSecondsValid>"
        + "<userDefaultCurrencyIsoCode xsi:nil=\"true\"/><userEmail>" + SoapXml.esc(String.valueOf(user.get("Email")))
        + "</userEmail><userFullName>" + SoapXml.esc(String.valueOf(user.get("Name"))) + "</userFullName><userId>" + user.id
        + "</userId><userLanguage>en_US</userLanguage><userLocale>en_US</userLocale><userName>"
        + SoapXml.esc(String.valueOf(user.get("Username"))) + "</userName><userTimeZone>GMT</userTimeZone>"
        + "<userType>Standard</userType><userUiSkin>Theme3</userUiSkin>";
  }
}
