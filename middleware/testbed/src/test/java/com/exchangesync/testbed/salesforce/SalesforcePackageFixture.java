package com.exchangesync.testbed.salesforce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small package in SFDX source format, written to a temporary project root,
 * so the tests do not depend on the project's own {@code force-app}: a
 * configuration object (auto-number-free, text name), a member object in a
 * master-detail with it, a user-status object with a unique external id, and a
 * custom external id on Contact.
 */
final class SalesforcePackageFixture {

  private SalesforcePackageFixture() {}

  /** Writes the package under {@code root/force-app} and returns {@code root}. */
  static Path write(Path root) throws IOException {
    Path objects = root.resolve("force-app/main/default/objects");
    object(objects, "Exchange_Sync_Configuration__c", "<nameField><label>Name</label><type>Text</type></nameField>");
    field(objects, "Exchange_Sync_Configuration__c", "Active__c", "<type>Checkbox</type><defaultValue>false</defaultValue>");
    field(objects, "Exchange_Sync_Configuration__c", "Description__c", "<type>LongTextArea</type><length>32768</length>"
        + "<visibleLines>3</visibleLines>");
    field(objects, "Exchange_Sync_Configuration__c", "Contact_Sync_Direction__c", "<type>Picklist</type><valueSet><restricted>true"
        + "</restricted><valueSetDefinition><sorted>false</sorted><value><fullName>None</fullName><default>true</default>"
        + "<label>None</label></value><value><fullName>Both</fullName><default>false</default><label>Both</label></value>"
        + "</valueSetDefinition></valueSet>");
    object(objects, "Exchange_Sync_Member__c", "<nameField><displayFormat>M-{000000}</displayFormat><label>Member</label>"
        + "<type>AutoNumber</type></nameField>");
    field(objects, "Exchange_Sync_Member__c", "Configuration__c", "<type>MasterDetail</type><referenceTo>"
        + "Exchange_Sync_Configuration__c</referenceTo><relationshipName>Members</relationshipName><relationshipOrder>0"
        + "</relationshipOrder>");
    field(objects, "Exchange_Sync_Member__c", "User__c", "<type>Lookup</type><referenceTo>User</referenceTo>"
        + "<relationshipName>Exchange_Sync_Members</relationshipName><deleteConstraint>SetNull</deleteConstraint>");
    object(objects, "Exchange_Sync_User_Status__c", "<nameField><label>Name</label><type>Text</type></nameField>");
    field(objects, "Exchange_Sync_User_Status__c", "User_Key__c", "<type>Text</type><length>80</length><externalId>true</externalId>"
        + "<unique>true</unique><caseSensitive>false</caseSensitive>");
    field(objects, "Exchange_Sync_User_Status__c", "Contacts_Status__c", "<type>Text</type><length>40</length>");
    field(objects, "Exchange_Sync_User_Status__c", "Records_In_Sync__c", "<type>Number</type><precision>18</precision>"
        + "<scale>0</scale>");
    field(objects, "Exchange_Sync_User_Status__c", "Last_Sync__c", "<type>DateTime</type>");
    field(objects, "Contact", "Exchange_Key__c", "<type>Text</type><length>64</length><externalId>true</externalId>"
        + "<unique>true</unique>");
    return root;
  }

  private static void object(Path objects, String name, String body) throws IOException {
    Path dir = Files.createDirectories(objects.resolve(name));
    Files.writeString(dir.resolve(name + ".object-meta.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<CustomObject xmlns=\"http://soap.sforce.com/2006/04/metadata\"><deploymentStatus>Deployed</deploymentStatus>"
        + "<label>" + name.replace("__c", "").replace('_', ' ') + "</label>" + body
        + "<pluralLabel>Things</pluralLabel><sharingModel>ReadWrite</sharingModel></CustomObject>\n");
  }

  private static void field(Path objects, String object, String name, String body) throws IOException {
    Path dir = Files.createDirectories(objects.resolve(object).resolve("fields"));
    Files.writeString(dir.resolve(name + ".field-meta.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<CustomField xmlns=\"http://soap.sforce.com/2006/04/metadata\"><fullName>" + name + "</fullName><label>" + name.replace("__c", "") + "</label>" + body + "</CustomField>\n");
  }
}
