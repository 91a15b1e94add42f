package com.exchangesync.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.salesforce.FieldMapping;
import com.exchangesync.worker.salesforce.SalesforceUser;
import com.exchangesync.worker.salesforce.SyncConfiguration;
import com.exchangesync.worker.salesforce.SyncMember;
import com.exchangesync.worker.sync.contact.ContactRules;
import com.exchangesync.worker.sync.contact.ContactSettings;
import com.exchangesync.worker.sync.contact.MatchPreference;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who syncs under which configuration, and the contact settings read from it. */
class MembershipTest {

  private static SyncConfiguration config(String id, boolean active) {
    return new SyncConfiguration(id, "C" + id, active, "", "Both directions", "Exchange wins", "Was last updated",
        "Selected Contacts", true, null, "Don't sync", "Salesforce wins", false, "TODAY", null);
  }

  private static SalesforceUser user(String id, String email, String profile, boolean active) {
    return new SalesforceUser(id, id + "@org", email, "User " + id, profile, active, "Europe/Berlin");
  }

  private final SalesforceUser ann = user("005A", "ann@corp.example.com", "00eREP", true);
  private final SalesforceUser bob = user("005B", "bob@corp.example.com", "00eREP", true);
  private final SalesforceUser gone = user("005C", "cy@corp.example.com", "00eREP", false);
  private final SalesforceUser outside = user("005D", "dee@elsewhere.example.com", "00eREP", true);

  @Test
  void individualBeatsProfile_inactiveUsersAndConfigurationsAreSkipped_andDomainsDecideLinking() {
    List<SyncConfiguration> configs = List.of(config("a01A", true), config("a01B", true), config("a01Z", false));
    List<SyncMember> members = List.of(
        new SyncMember("m1", "a01A", null, "00eREP", "Profile"),
        new SyncMember("m2", "a01B", "005A", null, "User"),
        new SyncMember("m3", "a01Z", "005B", null, "User"));
    List<Membership.Rep> reps = Membership.resolve(configs, members, Map.of("005A", ann, "005B", bob),
        Map.of("00eREP", List.of(ann, bob, gone, outside)), Set.of("corp.example.com"));
    assertThat(reps).extracting(r -> r.user().id()).containsExactly("005A", "005B", "005D");
    assertThat(reps.get(0).configuration().id()).isEqualTo("a01B");
    assertThat(reps.get(0).individually()).isTrue();
    assertThat(reps.get(1).configuration().id()).as("Bob's individual membership is in an inactive configuration").isEqualTo("a01A");
    assertThat(reps.get(2).linked()).isFalse();
    assertThat(reps.get(0).linked()).isTrue();
  }

  @Test
  void twoIndividualMembershipsResolveTheSameWayEverywhere() {
    List<SyncMember> members = List.of(new SyncMember("m2", "a01B", "005A", null, "User"),
        new SyncMember("m1", "a01A", "005A", null, "User"));
    assertThat(Membership.resolve(List.of(config("a01A", true), config("a01B", true)), members, Map.of("005A", ann), Map.of(),
        Set.of()).get(0).configuration().id()).isEqualTo("a01A");
  }

  @Test
  void servedDomainsComeFromTheServiceAccountAndTheAdditionalList() {
    assertThat(Membership.servedDomains("svc@Corp.Example.com", List.of(" @sales.example.com", "", "EU.example.com")))
        .containsExactly("corp.example.com", "sales.example.com", "eu.example.com");
    assertThat(Membership.servedDomains("CORP\\svc", List.of("corp.example.com"))).containsExactly("corp.example.com");
  }

  @Test
  void contactSettingsReadTheConfiguration_reportBadMappings_andRefuseABadFilter() {
    SyncConfiguration c = config("a01A", true);
    KindSettings r = ContactSettings.forRep(new MailboxKey("00D", "005A"), ann, c, List.of(
        new FieldMapping("f1", "a01A", "Contact", "Title", "jobTitle"),
        new FieldMapping("f2", "a01A", "Contact", "Fax", "faxNumber"),
        new FieldMapping("f3", "a01A", "Contact", "LastName", "surname")));
    RepContext ctx = r.context().orElseThrow();
    assertThat(ctx.direction()).isEqualTo(Direction.BOTH);
    assertThat(ctx.winner()).isEqualTo(Winner.EXCHANGE);
    assertThat(((ContactRules) ctx.rules()).preference()).isEqualTo(MatchPreference.LAST_UPDATED);
    assertThat(ctx.scope().allVisible()).isFalse();
    assertThat(ctx.fields().salesforceFields()).containsExactly("Title", "LastName");
    assertThat(r.problems()).singleElement().asString().contains("faxNumber");

    SyncConfiguration filtered = new SyncConfiguration("a01A", "C", true, "", "Salesforce to Exchange", null, null,
        "All Contacts", false, "[{\"field\":\"MailingCountry\",\"operator\":\"equals\",\"value\":\"France\"}]",
        null, null, false, null, null);
    RepContext withFilter = ContactSettings.forRep(new MailboxKey("00D", "005A"), ann, filtered, List.of()).context().orElseThrow();
    assertThat(withFilter.scope().filters()).containsExactly(new FieldFilter("MailingCountry", FieldFilter.Operator.EQUALS, "France"));
    assertThat(withFilter.scope().allVisible()).isTrue();
    assertThat(withFilter.fields().salesforceFields()).as("the default mapping").contains("FirstName", "Email");

    SyncConfiguration injected = new SyncConfiguration("a01A", "C", true, "", "Salesforce to Exchange", null, null,
        "All Contacts", false, "[{\"field\":\"Name) OR (Id != null\",\"value\":\"x\"}]", null, null, false, null, null);
    KindSettings refused = ContactSettings.forRep(new MailboxKey("00D", "005A"), ann, injected, List.of());
    assertThat(refused.context()).isEmpty();
    assertThat(refused.problems()).singleElement().asString().contains("no valid field name");
  }
}
