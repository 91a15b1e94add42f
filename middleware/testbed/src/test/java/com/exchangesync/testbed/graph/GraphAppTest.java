package com.exchangesync.testbed.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.testbed.graph.GraphApp.Permission;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The app registration's access rule, as Exchange Online applies Microsoft's two
 * grants: Entra consent (tenant-wide, limited by an application access policy's
 * mailboxes) or an RBAC for Applications role assignment whose scope holds the
 * mailbox; and the admin API refusing what Exchange has no such thing as.
 */
class GraphAppTest {

  private static final String ANN = "ann@corp.example.com";
  private static final String BOB = "bob@corp.example.com";

  private static GraphApp app(JsonArray permissions, Object mailboxes, JsonArray roleAssignments) {
    JsonObject json = new JsonObject().put("tenantId", "t").put("clientId", "c").put("clientSecret", "s")
        .put("permissions", permissions).put("mailboxes", mailboxes);
    if (roleAssignments != null) {
      json.put("roleAssignments", roleAssignments);
    }
    return GraphApp.fromJson(json);
  }

  private static JsonObject assignment(String role, Object mailboxes) {
    return new JsonObject().put("role", role).put("mailboxes", mailboxes);
  }

  @Test
  void roleAssignmentsAlone_reachTheMailboxesOfTheirScope_forTheirPermissionOnly() {
    GraphApp app = app(new JsonArray(), "*", new JsonArray().add(assignment("Application Calendars.ReadWrite", new JsonArray().add(ANN)))
        .add(assignment("Application Contacts.Read", new JsonArray().add(ANN).add(BOB))));
    assertThat(app.allows(Permission.CALENDARS_WRITE, ANN)).isTrue();
    assertThat(app.allows(Permission.CALENDARS_READ, "Ann@Corp.Example.com")).as("ReadWrite covers Read, any case").isTrue();
    assertThat(app.allows(Permission.CALENDARS_READ, BOB)).as("outside the calendar role's scope").isFalse();
    assertThat(app.allows(Permission.CONTACTS_READ, BOB)).isTrue();
    assertThat(app.allows(Permission.CONTACTS_WRITE, ANN)).as("a Read role does not write").isFalse();
    assertThat(app.mayUse(Permission.CONTACTS_WRITE)).isFalse();
    assertThat(app.mayUse(Permission.CALENDARS_WRITE)).isTrue();
    assertThat(app.permissions()).as("nothing consented in Entra ID").isEmpty();
  }

  @Test
  void entraConsent_reachesEveryMailbox_orThoseOfItsAccessPolicy_andRoleAssignmentsAddToIt() {
    GraphApp unscoped = app(new JsonArray().add("Contacts.ReadWrite"), "*", null);
    assertThat(unscoped.allows(Permission.CONTACTS_WRITE, "anyone@corp.example.com")).isTrue();
    assertThat(unscoped.allows(Permission.CALENDARS_READ, ANN)).isFalse();

    GraphApp both = app(new JsonArray().add("Contacts.ReadWrite"), new JsonArray().add(ANN),
        new JsonArray().add(assignment("Application Contacts.ReadWrite", new JsonArray().add(BOB)))
            .add(assignment("Application Exchange Full Access", new JsonArray().add("cy@corp.example.com"))));
    assertThat(both.allows(Permission.CONTACTS_WRITE, ANN)).as("consent within the policy").isTrue();
    assertThat(both.allows(Permission.CONTACTS_WRITE, BOB)).as("the role assignment adds Bob").isTrue();
    assertThat(both.allows(Permission.CALENDARS_WRITE, "cy@corp.example.com")).as("Exchange Full Access holds calendars").isTrue();
    assertThat(both.allows(Permission.CONTACTS_READ, "eve@corp.example.com")).as("in neither").isFalse();
  }

  @Test
  void anAssignmentWithoutMailboxes_coversTheOrganization_andAnEwsRoleGivesGraphNothing() {
    GraphApp app = app(new JsonArray(), "*", new JsonArray().add(new JsonObject().put("role", "application contacts.readwrite"))
        .add(assignment("Application EWS.AccessAsApp", "*")));
    assertThat(app.allows(Permission.CONTACTS_WRITE, "anyone@corp.example.com")).isTrue();
    assertThat(app.mayUse(Permission.CALENDARS_READ)).isFalse();
    assertThat(app.json().getJsonArray("roleAssignments").getJsonObject(0))
        .isEqualTo(new JsonObject().put("role", "Application Contacts.ReadWrite").put("mailboxes", "*"));
  }

  @Test
  void unknownRoles_andMalformedAssignments_areRefusedNamingTheFix() {
    assertThatThrownBy(() -> app(new JsonArray(), "*", new JsonArray().add(assignment("Contacts.ReadWrite", "*"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Contacts.ReadWrite' is not an RBAC for Applications role")
        .hasMessageContaining("Application Contacts.ReadWrite, Application Mail Full Access");
    assertThatThrownBy(() -> app(new JsonArray(), "*", new JsonArray().add(assignment("ApplicationImpersonation", "*"))))
        .hasMessageContaining("is not an RBAC for Applications role");
    assertThatThrownBy(() -> app(new JsonArray(), "*", new JsonArray().add(new JsonObject().put("mailboxes", "*"))))
        .hasMessageContaining("needs a role");
    assertThatThrownBy(() -> app(new JsonArray(), "*", new JsonArray().add(assignment("Application Calendars.Read", "ann"))))
        .hasMessageContaining("a role assignment's mailboxes takes a list of SMTP addresses or \"*\"");
    assertThatThrownBy(() -> app(new JsonArray(), "*", new JsonArray().add(assignment("Application Calendars.Read",
        new JsonArray().add("ann"))))).hasMessageContaining("'ann' is not an SMTP address");
    assertThatThrownBy(() -> app(new JsonArray(), "*", new JsonArray().add(assignment("Application Calendars.Read", "*")
        .put("scope", "Reps")))).hasMessageContaining("unknown field 'scope' in a role assignment");
    assertThatThrownBy(() -> GraphApp.fromJson(new JsonObject().put("tenantId", "t").put("clientId", "c").put("clientSecret", "s")
        .put("roleAssignments", "Application Calendars.Read"))).hasMessageContaining("roleAssignments takes a list");
  }
}
