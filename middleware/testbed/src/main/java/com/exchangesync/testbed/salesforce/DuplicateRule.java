package com.exchangesync.testbed.salesforce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One active duplicate rule of the org and its matching rule, as Setup's Duplicate Management defines
 * them: the object, what a save that matches meets ({@code Block}; or {@code Allow} with an alert, which
 * the API refuses unless the {@code DuplicateRuleHeader} says {@code allowSave}; or {@code Allow} without
 * one, which only reports and is not modelled), on create, on edit or both, and the alert text. The
 * matching rule is a list of criteria, each a set of fields that must all be set and equal (text without
 * regard to case or surrounding blanks) for two records to match; a real org's standard rules compare
 * names fuzzily, the test bed exactly.
 *
 * @param developerName the rule's API name, reported as {@code duplicateRule}
 * @param type the object it watches
 * @param block {@code Block} rather than {@code Allow}
 * @param alert an {@code Allow} rule that alerts
 * @param onCreate runs on create
 * @param onEdit runs on edit
 * @param alertText the message of the error
 * @param matchingRule the matching rule's API name, reported as {@code rule}
 * @param matchEngine reported as {@code matchEngine}
 * @param criteria the field sets any one of which makes a match
 */
record DuplicateRule(String developerName, SObjectType type, boolean block, boolean alert, boolean onCreate, boolean onEdit,
    String alertText, String matchingRule, String matchEngine, List<List<FieldDef>> criteria) {

  /** The alert text of the standard rules of a new org. */
  static final String STANDARD_ALERT = "You're creating a duplicate record. We recommend you use an existing record instead.";
  static final String STANDARD_CONTACT = "Standard_Contact_Duplicate_Rule";
  static final String STANDARD_LEAD = "Standard_Lead_Duplicate_Rule";

  /** Whether a save of this kind ({@code created} or edited) runs the rule. */
  boolean runsOn(boolean created) {
    return (created ? onCreate : onEdit) && (block || alert);
  }

  /**
   * A rule from the admin API's JSON: the name of a standard rule ({@value #STANDARD_CONTACT},
   * {@value #STANDARD_LEAD}: Allow with an alert, on create and edit, as a new org has them), or
   * {@code {"developerName", "sObject", "action": "Allow"|"Block", "alert": true, "operations": ["create", "edit"],
   * "alertText", "matchingRule": {"developerName", "matchEngine", "criteria": [["Email"], ["FirstName", "LastName", "Phone"]]}}}.
   * Bad input throws {@link IllegalArgumentException} naming the problem.
   */
  static DuplicateRule fromJson(Object json, Schema schema) {
    if (json instanceof String name) {
      return switch (name) {
        case STANDARD_CONTACT -> standard(name, schema.type("Contact"), "Standard_Contact_Match_Rule_v1_1", List.of(
            List.of("FirstName", "LastName", "Email"), List.of("FirstName", "LastName", "Phone"),
            List.of("FirstName", "LastName", "MailingStreet", "MailingCity"),
            List.of("FirstName", "LastName", "MailingStreet", "MailingPostalCode"), List.of("FirstName", "LastName", "Title", "AccountId")));
        case STANDARD_LEAD -> standard(name, schema.type("Lead"), "Standard_Lead_Match_Rule_v1_0", List.of(
            List.of("FirstName", "LastName", "Email"), List.of("FirstName", "LastName", "Phone"),
            List.of("FirstName", "LastName", "Company", "Title")));
        default -> throw new IllegalArgumentException("the standard rules are " + STANDARD_CONTACT + " and " + STANDARD_LEAD
            + "; another rule is an object with developerName, sObject, action, matchingRule");
      };
    }
    if (!(json instanceof JsonObject spec)) {
      throw new IllegalArgumentException("a duplicate rule is a standard rule's name or an object");
    }
    String name = required(spec, "developerName");
    SObjectType type = schema.type(required(spec, "sObject"));
    if (type == null || !type.apiWritable) {
      throw new IllegalArgumentException(name + ": sObject must be an object records are saved to, not " + spec.getString("sObject"));
    }
    String action = spec.getString("action", "Allow");
    if (!action.equals("Allow") && !action.equals("Block")) {
      throw new IllegalArgumentException(name + ": action is Allow or Block, not " + action);
    }
    JsonArray operations = spec.getJsonArray("operations", new JsonArray().add("create").add("edit"));
    for (Object o : operations) {
      if (!"create".equals(o) && !"edit".equals(o)) {
        throw new IllegalArgumentException(name + ": operations are create and edit, not " + o);
      }
    }
    JsonObject matching = spec.getJsonObject("matchingRule");
    if (matching == null) {
      throw new IllegalArgumentException(name + ": a duplicate rule needs a matchingRule");
    }
    JsonArray groups = matching.getJsonArray("criteria", new JsonArray());
    if (groups.isEmpty()) {
      throw new IllegalArgumentException(name + ": matchingRule.criteria lists field sets, e.g. [[\"Email\"]]");
    }
    List<List<FieldDef>> criteria = new ArrayList<>();
    for (Object group : groups) {
      if (!(group instanceof JsonArray fields) || fields.isEmpty()) {
        throw new IllegalArgumentException(name + ": each criterion is a non-empty list of field names");
      }
      criteria.add(fields(type, fields.stream().map(String::valueOf).toList()));
    }
    return new DuplicateRule(name, type, action.equals("Block"), spec.getBoolean("alert", true), operations.contains("create"),
        operations.contains("edit"), spec.getString("alertText", STANDARD_ALERT), matching.getString("developerName", name + "_Match"),
        matching.getString("matchEngine", "ExactMatchEngine"), List.copyOf(criteria));
  }

  private static DuplicateRule standard(String name, SObjectType type, String matchingRule, List<List<String>> criteria) {
    return new DuplicateRule(name, type, false, true, true, true, STANDARD_ALERT, matchingRule, "FuzzyMatchEngine",
        criteria.stream().map(c -> fields(type, c)).toList());
  }

  private static List<FieldDef> fields(SObjectType type, List<String> names) {
    List<FieldDef> out = new ArrayList<>();
    for (String n : names) {
      FieldDef f = type.field(n);
      if (f == null) {
        throw new IllegalArgumentException("no field " + n + " on " + type.name);
      }
      out.add(f);
    }
    return List.copyOf(out);
  }

  private static String required(JsonObject spec, String key) {
    String v = spec.getString(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("a duplicate rule needs " + key);
    }
    return v;
  }

  /** Whether {@code a} and {@code b} match under one of the criteria. */
  boolean matches(Row a, Row b) {
    for (List<FieldDef> group : criteria) {
      boolean all = true;
      for (FieldDef f : group) {
        Object x = a.get(f.name());
        Object y = b.get(f.name());
        if (x == null || y == null || !normal(x).equals(normal(y))) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static String normal(Object v) {
    return v.toString().trim().toLowerCase(Locale.ROOT);
  }

  /** The fields the matching rule compares, in order, once each. */
  List<FieldDef> matchedFields() {
    return criteria.stream().flatMap(List::stream).distinct().toList();
  }

  JsonObject json() {
    JsonArray groups = new JsonArray();
    criteria.forEach(g -> groups.add(new JsonArray(g.stream().map(FieldDef::name).toList())));
    JsonArray operations = new JsonArray();
    if (onCreate) {
      operations.add("create");
    }
    if (onEdit) {
      operations.add("edit");
    }
    return new JsonObject().put("developerName", developerName).put("sObject", type.name).put("action", block ? "Block" : "Allow")
        .put("alert", alert).put("operations", operations).put("alertText", alertText)
        .put("matchingRule", new JsonObject().put("developerName", matchingRule).put("matchEngine", matchEngine).put("criteria", groups));
  }
}
