package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.FieldType.BOOLEAN;
import static com.exchangesync.testbed.salesforce.FieldType.DATE;
import static com.exchangesync.testbed.salesforce.FieldType.DATETIME;
import static com.exchangesync.testbed.salesforce.FieldType.EMAIL;
import static com.exchangesync.testbed.salesforce.FieldType.ID;
import static com.exchangesync.testbed.salesforce.FieldType.INT;
import static com.exchangesync.testbed.salesforce.FieldType.PHONE;
import static com.exchangesync.testbed.salesforce.FieldType.PICKLIST;
import static com.exchangesync.testbed.salesforce.FieldType.REFERENCE;
import static com.exchangesync.testbed.salesforce.FieldType.STRING;
import static com.exchangesync.testbed.salesforce.FieldType.TEXTAREA;

import java.util.List;

/**
 * The standard objects the product touches, with the fields a sync needs and
 * the system fields every object has. Field lengths and writability follow the
 * partner API's describe of a current org.
 */
final class StandardObjects {

  private StandardObjects() {}

  /** User, Profile, Account, Contact, Lead, Event, EventRelation, Organization and UserRecordAccess. */
  static List<SObjectType> all() {
    return List.of(profile(), user(), account(), contact(), lead(), event(), EventRelations.type(), Organization.type(),
        UserRecordAccess.type());
  }

  /** Id, IsDeleted, CreatedDate/ById, LastModifiedDate/ById, SystemModstamp: every object has them. */
  static SObjectType withSystemFields(SObjectType type) {
    return type.add(FieldDef.readOnly("Id", ID))
        .add(FieldDef.readOnly("IsDeleted", BOOLEAN))
        .add(FieldDef.readOnly("CreatedDate", DATETIME))
        .add(FieldDef.reference("CreatedById", "User", "CreatedBy").asReadOnly())
        .add(FieldDef.readOnly("LastModifiedDate", DATETIME))
        .add(FieldDef.reference("LastModifiedById", "User", "LastModifiedBy").asReadOnly())
        .add(FieldDef.readOnly("SystemModstamp", DATETIME));
  }

  /** OwnerId/Owner: required, defaulted to the acting user on create. */
  static FieldDef owner() {
    return FieldDef.reference("OwnerId", "User", "Owner");
  }

  /** A writable reference that may point at any of {@code targets} (WhoId: a contact or a lead). */
  static FieldDef polymorphic(String name, String relationshipName, String... targets) {
    return new FieldDef(name, REFERENCE, 18, true, true, false, false, false, false, List.of(targets), relationshipName, List.of(),
        null, false);
  }

  /** A writable picklist that takes only {@code values}. */
  static FieldDef restrictedPicklist(String name, String... values) {
    return new FieldDef(name, PICKLIST, 40, true, true, false, false, false, false, List.of(), null, List.of(values), null, false);
  }

  private static SObjectType profile() {
    return withSystemFields(new SObjectType("Profile", "00e", false, false))
        .add(FieldDef.of("Name", STRING, 255).asRequired())
        .add(FieldDef.of("Description", STRING, 255));
  }

  private static SObjectType user() {
    return withSystemFields(new SObjectType("User", "005", false, false))
        .add(FieldDef.of("Username", STRING, 80).asRequired())
        .add(FieldDef.of("Email", EMAIL, 128).asRequired())
        .add(FieldDef.of("FirstName", STRING, 40))
        .add(FieldDef.of("LastName", STRING, 80).asRequired())
        .add(FieldDef.readOnly("Name", STRING))
        .add(FieldDef.of("Alias", STRING, 8))
        .add(FieldDef.reference("ProfileId", "Profile", "Profile").asRequired())
        .add(FieldDef.of("IsActive", BOOLEAN, 0).withDefault(Boolean.TRUE))
        .add(FieldDef.of("TimeZoneSidKey", PICKLIST, 40).withDefault("GMT"))
        .add(FieldDef.of("LanguageLocaleKey", PICKLIST, 40).withDefault("en_US"))
        .add(FieldDef.of("UserType", PICKLIST, 40).asReadOnly());
  }

  private static SObjectType account() {
    return withSystemFields(new SObjectType("Account", "001", false, true))
        .add(FieldDef.of("Name", STRING, 255).asRequired())
        .add(FieldDef.of("Phone", PHONE, 40))
        .add(FieldDef.of("Description", TEXTAREA, 32000))
        .add(owner())
        .add(FieldDef.readOnly("LastActivityDate", DATE));
  }

  private static SObjectType contact() {
    return withSystemFields(new SObjectType("Contact", "003", false, true))
        .add(FieldDef.of("Salutation", PICKLIST, 40))
        .add(FieldDef.of("FirstName", STRING, 40))
        .add(FieldDef.of("LastName", STRING, 80).asRequired())
        .add(FieldDef.readOnly("Name", STRING))
        .add(FieldDef.of("Email", EMAIL, 80))
        .add(FieldDef.of("Phone", PHONE, 40))
        .add(FieldDef.of("MobilePhone", PHONE, 40))
        .add(FieldDef.of("HomePhone", PHONE, 40))
        .add(FieldDef.of("OtherPhone", PHONE, 40))
        .add(FieldDef.of("Fax", PHONE, 40))
        .add(FieldDef.of("Title", STRING, 128))
        .add(FieldDef.of("Department", STRING, 80))
        .add(FieldDef.of("Birthday", DATE, 0))
        .add(FieldDef.reference("AccountId", "Account", "Account"))
        .add(FieldDef.of("MailingStreet", TEXTAREA, 255))
        .add(FieldDef.of("MailingCity", STRING, 40))
        .add(FieldDef.of("MailingState", STRING, 80))
        .add(FieldDef.of("MailingPostalCode", STRING, 20))
        .add(FieldDef.of("MailingCountry", STRING, 80))
        .add(FieldDef.of("OtherStreet", TEXTAREA, 255))
        .add(FieldDef.of("OtherCity", STRING, 40))
        .add(FieldDef.of("OtherState", STRING, 80))
        .add(FieldDef.of("OtherPostalCode", STRING, 20))
        .add(FieldDef.of("OtherCountry", STRING, 80))
        .add(FieldDef.of("Description", TEXTAREA, 32000))
        .add(owner())
        .add(FieldDef.readOnly("LastActivityDate", DATE));
  }

  private static SObjectType lead() {
    return withSystemFields(new SObjectType("Lead", "00Q", false, true))
        .add(FieldDef.of("FirstName", STRING, 40))
        .add(FieldDef.of("LastName", STRING, 80).asRequired())
        .add(FieldDef.readOnly("Name", STRING))
        .add(FieldDef.of("Email", EMAIL, 80))
        .add(FieldDef.of("Company", STRING, 255).asRequired())
        .add(FieldDef.of("Title", STRING, 128))
        .add(FieldDef.of("Phone", PHONE, 40))
        .add(FieldDef.of("Status", PICKLIST, 40).withDefault("Open - Not Contacted"))
        .add(owner())
        .add(FieldDef.readOnly("LastActivityDate", DATE));
  }

  /** Event, with the fields of times ({@link EventTimes}), series ({@link EventSeries}) and invitees ({@link EventRelations}). */
  private static SObjectType event() {
    return withSystemFields(new SObjectType("Event", "00U", false, true))
        .add(FieldDef.of("Subject", STRING, 255))
        .add(FieldDef.of("Location", STRING, 255))
        .add(FieldDef.of("Description", TEXTAREA, 32000))
        .add(FieldDef.of("StartDateTime", DATETIME, 0))
        .add(FieldDef.of("EndDateTime", DATETIME, 0))
        .add(FieldDef.of("ActivityDateTime", DATETIME, 0))
        .add(FieldDef.of("ActivityDate", DATE, 0))
        .add(FieldDef.of("DurationInMinutes", INT, 0))
        .add(FieldDef.of("IsAllDayEvent", BOOLEAN, 0).withDefault(Boolean.FALSE))
        .add(FieldDef.of("IsPrivate", BOOLEAN, 0).withDefault(Boolean.FALSE))
        .add(FieldDef.of("IsRecurrence", BOOLEAN, 0).withDefault(Boolean.FALSE).asCreateOnly())
        .add(FieldDef.of("IsRecurrence2", BOOLEAN, 0).withDefault(Boolean.FALSE).asCreateOnly())
        .add(FieldDef.of("Recurrence2PatternText", TEXTAREA, 512))
        .add(FieldDef.of("Recurrence2PatternStartDate", DATETIME, 0))
        .add(FieldDef.of("Recurrence2PatternTimeZone", STRING, 255))
        .add(FieldDef.readOnly("Recurrence2PatternVersion", PICKLIST))
        .add(FieldDef.readOnly("IsRecurrence2Exception", BOOLEAN).withDefault(Boolean.FALSE))
        .add(FieldDef.readOnly("IsRecurrence2Exclusion", BOOLEAN).withDefault(Boolean.FALSE))
        .add(FieldDef.readOnly("IsChild", BOOLEAN).withDefault(Boolean.FALSE))
        .add(FieldDef.readOnly("IsGroupEvent", BOOLEAN).withDefault(Boolean.FALSE))
        .add(FieldDef.readOnly("GroupEventType", PICKLIST).withDefault("0"))
        .add(FieldDef.of("ShowAs", PICKLIST, 40).withDefault("Busy"))
        .add(polymorphic("WhoId", "Who", "Contact", "Lead"))
        .add(FieldDef.reference("WhatId", "Account", "What"))
        .add(owner());
  }
}
