package com.exchangesync.worker.exchange.graph;

import java.util.Map;

/**
 * What an admin should check for Microsoft Entra ID's sign-in refusals, by their
 * {@code AADSTS} code (the start of {@code error_description}).
 */
final class AadstsHints {

  private static final Map<String, String> HINTS = Map.of(
      "AADSTS90002", "Tenant ID in Exchange Sync Setup names no tenant: use the Directory (tenant) ID of the app's Overview page.",
      "AADSTS700016", "Application (Client) ID in Exchange Sync Setup names no app registration in that tenant.",
      "AADSTS7000215", "EXSYNC_GRAPH_CLIENT_SECRET is not a secret of the app registration (its Value, not its Secret ID).",
      "AADSTS7000222", "The client secret has expired: add a new one under Certificates & secrets and give it to the worker.",
      "AADSTS700027", "The certificate of EXSYNC_GRAPH_CERTIFICATE_FILE is not uploaded to the app registration, or the file's key"
          + " is not the certificate's.",
      "AADSTS700024", "The worker's clock is off: the client assertion is outside its valid time.",
      "AADSTS7000218", "The worker sent neither a certificate assertion nor a secret.",
      "AADSTS1002012", "The scope must be https://graph.microsoft.com/.default.",
      "AADSTS500011", "Microsoft Graph is not a resource of this tenant's cloud: check EXSYNC_GRAPH_LOGIN_URL.");

  private AadstsHints() {}

  /** The hint for the code {@code description} starts with, or empty. */
  static String hint(String description) {
    int colon = description.indexOf(':');
    return colon < 0 ? "" : HINTS.getOrDefault(description.substring(0, colon).trim(), "");
  }
}
