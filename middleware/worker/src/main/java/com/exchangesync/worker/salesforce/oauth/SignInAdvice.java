package com.exchangesync.worker.salesforce.oauth;

import com.exchangesync.worker.config.SalesforceCredentials;
import java.util.Locale;

/**
 * What an admin does about each refusal of the token endpoint, in the admin's
 * words: keyed by Salesforce's {@code error} and {@code error_description},
 * naming the setting in Setup or the variable to change.
 */
final class SignInAdvice {

  private SignInAdvice() {}

  /** The fix for {@code error} / {@code description} under {@code credentials}. */
  static String fix(String error, String description, SalesforceCredentials credentials) {
    String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
    String user = credentials instanceof SalesforceCredentials.JwtBearer j ? j.username() : "the app's Run As user";
    if (d.contains("hasn't approved") || d.contains("not admin approved")) {
      return "pre-authorize the integration user in the app's policies: in Setup > External Client App Manager > Exchange Sync"
          + " > Policies, set Permitted Users to \"Admin approved users are pre-authorized\" and add the permission set"
          + " Exchange Sync Integration, then assign that permission set to " + user + ". Also check that EXSYNC_SF_USERNAME"
          + " is that user's exact username in the org EXSYNC_SF_LOGIN_URL points at (a sandbox user's name has a suffix)"
          + " and that the user is active";
    }
    if (d.contains("audience")) {
      return "set EXSYNC_SF_LOGIN_URL to https://login.salesforce.com for production, https://test.salesforce.com for a"
          + " sandbox, or the org's My Domain URL (Setup > My Domain)";
    }
    if (d.contains("expired")) {
      return "the assertion had expired when Salesforce read it, so this host's clock is wrong: synchronise it (NTP)";
    }
    if (d.contains("invalid assertion")) {
      return "upload the certificate that belongs to the key in EXSYNC_SF_PRIVATE_KEY_FILE to the app (Setup > External"
          + " Client App Manager > Exchange Sync > Settings > OAuth Settings > Enable JWT Bearer Flow, certificate), or point"
          + " EXSYNC_SF_PRIVATE_KEY_FILE at the key the uploaded certificate was made from";
    }
    if (d.contains("no client credentials user")) {
      return "in the app's policies (Setup > External Client App Manager > Exchange Sync > Policies > OAuth Policies), enable"
          + " the Client Credentials Flow and set Run As to the integration user, who holds the Exchange Sync Integration"
          + " permission set";
    }
    if (d.contains("not supported on this domain")) {
      return "set EXSYNC_SF_LOGIN_URL to the org's My Domain login URL (https://<your-domain>.my.salesforce.com): the client"
          + " credentials flow is not served at login.salesforce.com or test.salesforce.com";
    }
    if (d.contains("ip restricted") || d.contains("login hours")) {
      return "set the app's IP Relaxation policy to \"Relax IP restrictions\", or allow this host's address and the time of"
          + " day in the integration user's profile (Login IP Ranges, Login Hours)";
    }
    if (d.contains("inactive user") || d.contains("user is inactive")) {
      return "reactivate the integration user, or set the worker to sign in as an active one";
    }
    if (d.contains("inactive org") || d.contains("organization is locked")) {
      return "the org is locked, closed or suspended: its administrator must contact Salesforce";
    }
    return switch (error == null ? "" : error) {
      case "invalid_client_id" -> "set EXSYNC_SF_CLIENT_ID to the consumer key of the Exchange Sync External Client App in the"
          + " org EXSYNC_SF_LOGIN_URL points at (Setup > External Client App Manager > Exchange Sync > Settings > OAuth"
          + " Settings > Consumer Key and Secret); a sandbox has its own app and key, and a new app can take a few minutes"
          + " to be usable";
      case "invalid_client" -> "set EXSYNC_SF_CLIENT_SECRET to the app's consumer secret (copy it again from Consumer Key and"
          + " Secret) and check that the app has the Client Credentials Flow enabled";
      case "unsupported_grant_type" -> "enable the " + credentials.flow() + " in the app (Setup > External Client App Manager >"
          + " Exchange Sync > Settings > OAuth Settings > Flow Enablement)";
      case "rate_limit_exceeded" -> "the integration user signed in too often in the last hour; the worker tries again later";
      default -> "compare the app's settings with docs/salesforce-sign-in.md (External Client App, certificate, policies)";
    };
  }
}
