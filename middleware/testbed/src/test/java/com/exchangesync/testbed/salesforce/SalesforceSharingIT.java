package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.contact;
import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.sobject.SObject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Org-wide defaults (Private, Public Read Only, Public Read/Write) as UserRecordAccess answers them, through force-wsc. */
class SalesforceSharingIT extends SalesforceTestbedSupport {

  private static final String FIELDS = "RecordId, HasReadAccess, HasEditAccess, HasDeleteAccess, HasAllAccess, MaxAccessLevel";

  private JsonObject org(JsonObject sharing) {
    return new JsonObject().put("orgId", ORG_ID).put("sharing", sharing)
        .put("integrationUser", new JsonObject().put("username", INTEGRATION).put("password", PASSWORD))
        .put("users", new JsonArray().add(new JsonObject().put("id", ANN_ID).put("username", "ann@acme.example.com"))
            .add(new JsonObject().put("id", BOB_ID).put("username", "bob@acme.example.com")));
  }

  /** One record per level, all owned by Ann: a Private contact, a Public Read Only account, a Public Read/Write event. */
  private List<String> annsRecords(PartnerConnection c) throws Exception {
    SObject privateContact = contact("A", "Private", null);
    privateContact.setField("OwnerId", ANN_ID);
    SObject readOnlyAccount = new SObject("Account");
    readOnlyAccount.setField("Name", "Read Only");
    readOnlyAccount.setField("OwnerId", ANN_ID);
    SObject readWriteEvent = new SObject("Event");
    readWriteEvent.setField("Subject", "Read/Write");
    readWriteEvent.setField("StartDateTime", Calendar.getInstance());
    readWriteEvent.setField("DurationInMinutes", 30);
    readWriteEvent.setField("OwnerId", ANN_ID);
    return create(c, privateContact, readOnlyAccount, readWriteEvent);
  }

  private static SObject[] access(PartnerConnection c, String userId, List<String> ids) throws Exception {
    return c.query("SELECT " + FIELDS + " FROM UserRecordAccess WHERE UserId = '" + userId + "' AND RecordId IN ('"
        + String.join("', '", ids) + "')").getRecords();
  }

  /** HasRead, HasEdit, HasDelete, HasAll and MaxAccessLevel of one row, as text. */
  private static List<Object> levels(SObject row) {
    return List.of(row.getField("HasReadAccess"), row.getField("HasEditAccess"), row.getField("HasDeleteAccess"),
        row.getField("HasAllAccess"), row.getField("MaxAccessLevel"));
  }

  @Test
  void othersGetWhatEachLevelGrants_ownersAndAdministratorsGetAll() throws Exception {
    sim.org(org(new JsonObject().put("Contact", "Private").put("Account", "PublicRead").put("Event", "PublicReadWrite")));
    PartnerConnection c = connect();
    List<String> ids = annsRecords(c);

    SObject[] bob = access(c, BOB_ID, ids);
    assertThat(Arrays.stream(bob).map(r -> (String) r.getField("RecordId"))).containsExactlyElementsOf(ids);
    assertThat(levels(bob[0])).containsExactly("false", "false", "false", "false", "None");
    assertThat(levels(bob[1])).containsExactly("true", "false", "false", "false", "Read");
    assertThat(levels(bob[2])).containsExactly("true", "true", "false", "false", "Edit");

    for (SObject r : access(c, ANN_ID, ids)) {
      assertThat(levels(r)).as("the owner").containsExactly("true", "true", "true", "true", "All");
    }
    String integrationId = c.getUserInfo().getUserId(); // a System Administrator
    for (SObject r : access(c, integrationId, ids)) {
      assertThat(levels(r)).as("an administrator").containsExactly("true", "true", "true", "true", "All");
    }

    // the filter the middleware uses: only the rows Bob can read
    SObject[] readable = c.query("SELECT RecordId FROM UserRecordAccess WHERE UserId = '" + BOB_ID + "' AND RecordId IN ('"
        + String.join("', '", ids) + "') AND HasReadAccess = true").getRecords();
    assertThat(Arrays.stream(readable).map(r -> (String) r.getField("RecordId"))).containsExactly(ids.get(1), ids.get(2));
    assertThat(sim.org().getJsonObject("sharing").getMap())
        .containsExactlyInAnyOrderEntriesOf(Map.of("Account", "PublicRead", "Contact", "Private", "Event", "PublicReadWrite"));
  }

  @Test
  void objectsNotConfiguredArePublicReadWrite_andPrivateObjectsIsShorthandForPrivate() throws Exception {
    sim.org(org(new JsonObject().put("Account", "PublicRead")).put("privateObjects", new JsonArray().add("Contact")));
    PartnerConnection c = connect();
    List<String> ids = annsRecords(c);
    SObject[] bob = access(c, BOB_ID, ids);
    assertThat(bob[0].getField("MaxAccessLevel")).isEqualTo("None");
    assertThat(bob[1].getField("MaxAccessLevel")).isEqualTo("Read");
    assertThat(bob[2].getField("MaxAccessLevel")).isEqualTo("Edit");

    // a deleted record: no access at all, not even for its owner
    c.delete(new String[] {ids.get(2)});
    assertThat(access(c, ANN_ID, ids)[2].getField("MaxAccessLevel")).isEqualTo("None");
  }

  @Test
  void anUnknownLevelOrTypeOrAContradictionIsA400() {
    assertThatThrownBy(() -> sim.org(org(new JsonObject().put("Contact", "ReadOnly"))))
        .hasMessageContaining("400").hasMessageContaining("sharing.Contact: 'ReadOnly' is not an org-wide default")
        .hasMessageContaining("Private, PublicRead, PublicReadWrite");
    assertThatThrownBy(() -> sim.org(org(new JsonObject().put("Widget__c", "Private")))).hasMessageContaining("400")
        .hasMessageContaining("Widget__c");
    assertThatThrownBy(() -> sim.org(org(new JsonObject().put("Contact", "PublicRead"))
        .put("privateObjects", new JsonArray().add("Contact")))).hasMessageContaining("400")
        .hasMessageContaining("Contact is in privateObjects but sharing makes it PublicRead");
    assertThatThrownBy(() -> sim.org(new JsonObject().put("sharing", new JsonArray().add("Contact")))).hasMessageContaining("400")
        .hasMessageContaining("sharing must be an object");
  }
}
