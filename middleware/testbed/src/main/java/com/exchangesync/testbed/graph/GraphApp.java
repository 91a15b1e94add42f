package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The one app registration the tenant knows ({@code PUT /sim/graph-app}): its
 * tenant and client ids, its credentials (a client secret and/or a
 * certificate), the application permissions an admin consented to, and the
 * mailboxes an RBAC for Applications scope lets it reach ({@code allMailboxes}
 * for {@code "*"}).
 */
record GraphApp(String tenantId, String clientId, String clientSecret, AppCertificate certificate, Set<String> permissions,
                Set<String> mailboxes, boolean allMailboxes) {

  /**
   * Reads the admin API's JSON.
   *
   * @throws IllegalArgumentException naming what is missing or wrong
   */
  static GraphApp fromJson(JsonObject json) {
    for (String key : json.fieldNames()) {
      if (!Set.of("tenantId", "clientId", "clientSecret", "certificate", "permissions", "mailboxes").contains(key)) {
        throw new IllegalArgumentException("unknown field '" + key
            + "'; a Graph app has tenantId, clientId, clientSecret, certificate, permissions, mailboxes");
      }
    }
    String tenant = text(json, "tenantId");
    String client = text(json, "clientId");
    if (tenant == null || client == null) {
      throw new IllegalArgumentException("a Graph app needs tenantId and clientId (the directory and application ids)");
    }
    String secret = text(json, "clientSecret");
    String pem = text(json, "certificate");
    if (secret == null && pem == null) {
      throw new IllegalArgumentException("a Graph app needs a clientSecret or a certificate (PEM) to sign in with");
    }
    AppCertificate certificate = pem == null ? null : AppCertificate.fromPem(pem);
    Set<String> permissions = new LinkedHashSet<>();
    Object rawPermissions = json.getValue("permissions", new JsonArray());
    if (!(rawPermissions instanceof JsonArray list)) {
      throw new IllegalArgumentException("permissions takes a list such as [\"Contacts.ReadWrite\", \"Calendars.ReadWrite\"]");
    }
    for (Object p : list) {
      if (!(p instanceof String s) || !s.matches("[A-Za-z]+(\\.[A-Za-z]+)+")) {
        throw new IllegalArgumentException("'" + p + "' is not an application permission such as Contacts.ReadWrite");
      }
      permissions.add(s);
    }
    Object scope = json.getValue("mailboxes", "*");
    Set<String> mailboxes = new LinkedHashSet<>();
    boolean all = "*".equals(scope);
    if (scope instanceof JsonArray addresses) {
      addresses.forEach(a -> mailboxes.add(String.valueOf(a).toLowerCase(Locale.ROOT)));
    } else if (!all) {
      throw new IllegalArgumentException("mailboxes takes a list of SMTP addresses or \"*\"");
    }
    return new GraphApp(tenant, client, secret, certificate, Set.copyOf(permissions), Set.copyOf(mailboxes), all);
  }

  private static String text(JsonObject json, String key) {
    Object v = json.getValue(key);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException(key + " takes a string");
    }
    String s = (String) v;
    return s == null || s.isBlank() ? null : s.trim();
  }

  boolean mayReach(String smtp) {
    return allMailboxes || mailboxes.contains(smtp.toLowerCase(Locale.ROOT));
  }

  /** Whether the consented permissions allow {@code need} ({@code X.ReadWrite} covers {@code X.Read}). */
  boolean hasPermission(Permission need) {
    return permissions.contains(need.readWrite()) || (!need.write() && permissions.contains(need.read()));
  }

  /** What the admin API shows: everything but the secret itself. */
  JsonObject json() {
    return new JsonObject().put("tenantId", tenantId).put("clientId", clientId).put("hasClientSecret", clientSecret != null)
        .put("certificateThumbprint", certificate == null ? null : certificate.thumbprintHex())
        .put("permissions", new JsonArray(permissions.stream().sorted().toList()))
        .put("mailboxes", allMailboxes ? "*" : new JsonArray(mailboxes.stream().sorted().toList()));
  }

  /** What a call needs: read or write access to contacts or calendars. */
  record Permission(String area, boolean write) {

    static final Permission CONTACTS_READ = new Permission("Contacts", false);
    static final Permission CONTACTS_WRITE = new Permission("Contacts", true);
    static final Permission CALENDARS_READ = new Permission("Calendars", false);
    static final Permission CALENDARS_WRITE = new Permission("Calendars", true);

    String read() {
      return area + ".Read";
    }

    String readWrite() {
      return area + ".ReadWrite";
    }
  }
}
