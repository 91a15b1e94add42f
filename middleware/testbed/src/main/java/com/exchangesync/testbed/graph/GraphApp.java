package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one app registration the tenant knows ({@code PUT /sim/graph-app}): its
 * tenant and client ids, its credentials (a client secret and/or a
 * certificate), and the two ways Exchange Online lets an app into mailboxes,
 * which add up as they do in a real tenant:
 * <ul>
 *   <li>{@code permissions}: Microsoft Graph application permissions an admin
 *       consented to in Microsoft Entra ID, tenant-wide and carried in the token's
 *       {@code roles} claim, limited to {@code mailboxes} when those are a list
 *       (the legacy Application Access Policy; {@code allMailboxes} for
 *       {@code "*"}, no policy);</li>
 *   <li>{@code roleAssignments}: RBAC for Applications role assignments made in
 *       Exchange Online, each for the mailboxes of its management scope, checked
 *       at each request and never in the token.</li>
 * </ul>
 */
record GraphApp(String tenantId, String clientId, String clientSecret, AppCertificate certificate, Set<String> permissions,
                Set<String> mailboxes, boolean allMailboxes, List<RoleAssignment> roleAssignments) {

  private static final Set<String> FIELDS = Set.of("tenantId", "clientId", "clientSecret", "certificate", "permissions",
      "mailboxes", "roleAssignments");

  /**
   * Reads the admin API's JSON.
   *
   * @throws IllegalArgumentException naming what is missing or wrong
   */
  static GraphApp fromJson(JsonObject json) {
    for (String key : json.fieldNames()) {
      if (!FIELDS.contains(key)) {
        throw new IllegalArgumentException("unknown field '" + key
            + "'; a Graph app has tenantId, clientId, clientSecret, certificate, permissions, mailboxes, roleAssignments");
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
    RoleAssignment.MailboxList policy = RoleAssignment.MailboxList.of(json.getValue("mailboxes", "*"), "mailboxes");
    Object rawAssignments = json.getValue("roleAssignments", new JsonArray());
    if (!(rawAssignments instanceof JsonArray assignments)) {
      throw new IllegalArgumentException("roleAssignments takes a list such as "
          + "[{\"role\": \"Application Contacts.ReadWrite\", \"mailboxes\": [\"ann@corp.example.com\"]}]");
    }
    List<RoleAssignment> roles = new ArrayList<>();
    assignments.forEach(a -> roles.add(RoleAssignment.fromJson(a)));
    return new GraphApp(tenant, client, secret, certificate, Set.copyOf(permissions), policy.mailboxes(), policy.all(),
        List.copyOf(roles));
  }

  private static String text(JsonObject json, String key) {
    Object v = json.getValue(key);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException(key + " takes a string");
    }
    String s = (String) v;
    return s == null || s.isBlank() ? null : s.trim();
  }

  /**
   * Whether the app holds {@code need} at all, in some mailbox: without it
   * Exchange refuses before looking at the mailbox.
   */
  boolean mayUse(Permission need) {
    return need.grantedBy(permissions) || roleAssignments.stream().anyMatch(a -> need.grantedBy(a.grants()));
  }

  /**
   * Whether the app may do {@code need} on {@code smtp}: by Entra consent within
   * the access policy's mailboxes, or by a role assignment whose scope holds the
   * mailbox (the two add up).
   */
  boolean allows(Permission need, String smtp) {
    boolean consented = need.grantedBy(permissions) && (allMailboxes || mailboxes.contains(smtp.toLowerCase(Locale.ROOT)));
    return consented || roleAssignments.stream().anyMatch(a -> a.allows(need, smtp));
  }

  /** What the admin API shows: everything but the secret itself. */
  JsonObject json() {
    return new JsonObject().put("tenantId", tenantId).put("clientId", clientId).put("hasClientSecret", clientSecret != null)
        .put("certificateThumbprint", certificate == null ? null : certificate.thumbprintHex())
        .put("permissions", new JsonArray(permissions.stream().sorted().toList()))
        .put("mailboxes", allMailboxes ? "*" : new JsonArray(mailboxes.stream().sorted().toList()))
        .put("roleAssignments", new JsonArray(roleAssignments.stream().map(RoleAssignment::json).toList()));
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

    /** Whether {@code granted} permissions allow this ({@code X.ReadWrite} covers {@code X.Read}). */
    boolean grantedBy(Set<String> granted) {
      return granted.contains(readWrite()) || (!write && granted.contains(read()));
    }
  }
}
