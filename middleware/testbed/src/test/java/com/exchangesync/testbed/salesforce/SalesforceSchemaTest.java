package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package's SFDX metadata becomes the org's schema. */
class SalesforceSchemaTest {

  @TempDir
  Path root;

  @Test
  void customObjectsAndFieldsFromForceApp() throws Exception {
    Schema s = Schema.load(SalesforcePackageFixture.write(root).resolve("force-app"), "");
    SObjectType member = s.type("exchange_sync_member__c");
    assertThat(member.name).isEqualTo("Exchange_Sync_Member__c");
    assertThat(member.keyPrefix).startsWith("a0");
    assertThat(member.field("OwnerId")).as("a master-detail child has no owner").isNull();
    FieldDef master = member.field("Configuration__c");
    assertThat(master.required()).isTrue();
    assertThat(master.updateable()).isFalse();
    assertThat(master.relationshipName()).isEqualTo("Configuration__r");
    assertThat(member.relationship("configuration__r")).isSameAs(master);
    assertThat(member.autoNumberFormats).containsEntry("Name", "M-{000000}");
    assertThat(member.field("Name").createable()).isFalse();

    SObjectType config = s.type("Exchange_Sync_Configuration__c");
    assertThat(config.field("OwnerId")).isNotNull();
    assertThat(config.field("Active__c").defaultValue()).isEqualTo(false);
    assertThat(config.field("Contact_Sync_Direction__c").picklistValues()).containsExactly("None", "Both");
    assertThat(config.field("Contact_Sync_Direction__c").defaultValue()).isEqualTo("None");
    assertThat(config.field("Description__c").length()).isEqualTo(32768);

    FieldDef key = s.type("Exchange_Sync_User_Status__c").field("User_Key__c");
    assertThat(key.externalId()).isTrue();
    assertThat(key.unique()).isTrue();
    assertThat(key.caseSensitive()).isFalse();
    assertThat(s.type("Contact").field("Exchange_Key__c")).isNotNull();
    assertThat(s.typeOfId(SalesforceIds.next(member.keyPrefix))).isSameAs(member);
    assertThat(s.warnings()).isEmpty();
  }

  @Test
  void aNamespacePrefixesEveryCustomName() throws Exception {
    Schema s = Schema.load(SalesforcePackageFixture.write(root).resolve("force-app"), "exsync__");
    assertThat(s.type("Exchange_Sync_Member__c")).isNull();
    SObjectType member = s.type("exsync__Exchange_Sync_Member__c");
    assertThat(member.field("exsync__Configuration__c").referenceTo()).containsExactly("exsync__Exchange_Sync_Configuration__c");
    assertThat(member.relationship("exsync__Configuration__r")).isNotNull();
    assertThat(member.field("Name")).isNotNull();
    assertThat(s.type("Contact").field("exsync__Exchange_Key__c")).isNotNull();
    assertThat(s.typeLenient("Exchange_Sync_Member__c")).isSameAs(member);
    assertThat(s.fieldLenient(member, "User__c")).isSameAs(member.field("exsync__User__c"));
    assertThat(Schema.normalizeNamespace("exsync")).isEqualTo("exsync__");
    assertThatThrownBy(() -> Schema.normalizeNamespace("ex-sync")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void whatCannotBeModelledIsNamed_andADoctypeIsRefused() throws Exception {
    Path fields = Files.createDirectories(root.resolve("force-app/main/default/objects/Thing__c/fields"));
    Files.writeString(fields.resolve("Where__c.field-meta.xml"), "<CustomField xmlns=\"http://soap.sforce.com/2006/04/metadata\">"
        + "<fullName>Where__c</fullName><type>Location</type></CustomField>");
    Files.createDirectories(root.resolve("force-app/main/default/objects/Opportunity/fields"));
    Schema s = Schema.load(root.resolve("force-app"), "");
    assertThat(s.type("Thing__c").field("Where__c")).isNull();
    assertThat(s.warnings()).anyMatch(w -> w.contains("'Location'")).anyMatch(w -> w.contains("Opportunity"));

    Files.writeString(fields.resolve("Evil__c.field-meta.xml"), "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<CustomField><fullName>&e;</fullName></CustomField>");
    assertThatThrownBy(() -> Schema.load(root.resolve("force-app"), "")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DOCTYPE");
  }
}
