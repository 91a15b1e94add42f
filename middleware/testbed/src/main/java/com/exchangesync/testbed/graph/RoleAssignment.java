package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An RBAC for Applications role assignment in Exchange Online
 * ({@code New-ManagementRoleAssignment -App <id> -Role <role> -CustomResourceScope <scope>}):
 * one application role, the Microsoft Graph permissions it grants, and the
 * mailboxes its management scope holds ({@code allMailboxes} for an assignment
 * without a scope, which covers the whole organization). Exchange checks these at
 * each request; they never appear in the token's {@code roles} claim.
 *
 * @param role the role's name as Microsoft spells it
 * @param grants the Graph application permissions it grants
 * @param mailboxes the mailboxes in its scope, lower-cased
 * @param allMailboxes whether it has no scope (the organization)
 */
record RoleAssignment(String role, Set<String> grants, Set<String> mailboxes, boolean allMailboxes) {

  /**
   * The application roles Microsoft documents ("Role Based Access Control for
   * Applications in Exchange Online", supported application roles) and what each
   * grants; {@code Application EWS.AccessAsApp} is EWS's and grants nothing in Graph.
   */
  static final Map<String, Set<String>> ROLES = roles();

  private static Map<String, Set<String>> roles() {
    Map<String, Set<String>> roles = new LinkedHashMap<>();
    for (String p : new String[] {"Mail.Read", "Mail.ReadBasic", "Mail.ReadWrite", "Mail.Send", "MailboxSettings.Read",
        "MailboxSettings.ReadWrite", "Calendars.Read", "Calendars.ReadWrite", "Contacts.Read", "Contacts.ReadWrite"}) {
      roles.put("Application " + p, Set.of(p));
    }
    roles.put("Application Mail Full Access", Set.of("Mail.ReadWrite", "Mail.Send"));
    roles.put("Application Exchange Full Access", Set.of("Mail.ReadWrite", "Mail.Send", "MailboxSettings.ReadWrite",
        "Calendars.ReadWrite", "Contacts.ReadWrite"));
    roles.put("Application EWS.AccessAsApp", Set.of());
    return java.util.Collections.unmodifiableMap(roles);
  }

  /**
   * Reads one entry of the admin API's {@code roleAssignments}:
   * {@code {"role": "Application Calendars.ReadWrite", "mailboxes": ["a@x.com", …] or "*"}}.
   *
   * @throws IllegalArgumentException naming what is wrong, for an unknown role the roles there are
   */
  static RoleAssignment fromJson(Object entry) {
    if (!(entry instanceof JsonObject json)) {
      throw new IllegalArgumentException("each of roleAssignments is an object such as "
          + "{\"role\": \"Application Calendars.ReadWrite\", \"mailboxes\": [\"ann@corp.example.com\"]}");
    }
    for (String key : json.fieldNames()) {
      if (!Set.of("role", "mailboxes").contains(key)) {
        throw new IllegalArgumentException("unknown field '" + key + "' in a role assignment; it has role and mailboxes");
      }
    }
    Object name = json.getValue("role");
    if (!(name instanceof String given) || given.isBlank()) {
      throw new IllegalArgumentException("a role assignment needs a role, such as \"Application Contacts.ReadWrite\"");
    }
    // Exchange names roles case-insensitively, as PowerShell does.
    String role = ROLES.keySet().stream().filter(r -> r.equalsIgnoreCase(given.trim())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("'" + given + "' is not an RBAC for Applications role of Exchange Online;"
            + " the roles are " + String.join(", ", ROLES.keySet())));
    MailboxList scope = MailboxList.of(json.getValue("mailboxes", "*"), "a role assignment's mailboxes");
    return new RoleAssignment(role, ROLES.get(role), scope.mailboxes(), scope.all());
  }

  /** Whether this assignment lets the app do {@code need} on {@code smtp}. */
  boolean allows(GraphApp.Permission need, String smtp) {
    return need.grantedBy(grants) && (allMailboxes || mailboxes.contains(smtp.toLowerCase(Locale.ROOT)));
  }

  JsonObject json() {
    return new JsonObject().put("role", role)
        .put("mailboxes", allMailboxes ? "*" : new JsonArray(mailboxes.stream().sorted().toList()));
  }

  /** A list of SMTP addresses, or {@code "*"} for every mailbox. */
  record MailboxList(Set<String> mailboxes, boolean all) {

    static MailboxList of(Object value, String what) {
      if ("*".equals(value)) {
        return new MailboxList(Set.of(), true);
      }
      if (!(value instanceof JsonArray addresses)) {
        throw new IllegalArgumentException(what + " takes a list of SMTP addresses or \"*\"");
      }
      Set<String> mailboxes = new LinkedHashSet<>();
      for (Object a : addresses) {
        if (!(a instanceof String s) || !s.contains("@")) {
          throw new IllegalArgumentException(what + ": '" + a + "' is not an SMTP address");
        }
        mailboxes.add(s.trim().toLowerCase(Locale.ROOT));
      }
      return new MailboxList(Set.copyOf(mailboxes), false);
    }
  }
}
