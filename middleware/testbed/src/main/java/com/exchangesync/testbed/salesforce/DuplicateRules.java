package com.exchangesync.testbed.salesforce;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The org's active duplicate rules ({@code PUT /sim/duplicate-rules}; none until set, and
 * {@code /sim/reset} forgets them) and the check each save makes against them. A save a rule catches
 * fails with {@code DUPLICATES_DETECTED}, the rule's alert text as the message, and a
 * {@code duplicateResult} ({@code allowSave}, {@code duplicateRule}, {@code duplicateRuleEntityType},
 * {@code errorMessage}, {@code matchResults} with the matching rule, its engine and the records it
 * matched: their ids, and with {@code includeRecordDetails} the fields the matching rule compares), written
 * as the partner API's {@code DuplicateError}. Records are matched against the stored ones, not against
 * others of the same call. Callers hold the store's lock.
 */
final class DuplicateRules {

  private final List<DuplicateRule> rules = new ArrayList<>();

  synchronized void replace(List<DuplicateRule> active) {
    rules.clear();
    rules.addAll(active);
  }

  synchronized void clear() {
    rules.clear();
  }

  synchronized JsonArray json() {
    JsonArray out = new JsonArray();
    rules.forEach(r -> out.add(r.json()));
    return out;
  }

  /** The error of the first rule that refuses saving {@code row} ({@code created} or edited) by {@code actor}; null if none does. */
  synchronized SaveError check(Row row, boolean created, String actor, SaveOptions.DuplicateRuleHeader header, RecordStore store) {
    for (DuplicateRule rule : rules) {
      if (rule.type() != row.type || !rule.runsOn(created) || (!rule.block() && header.allowSave())) {
        continue;
      }
      List<Row> matches = new ArrayList<>();
      for (Row other : store.rows(row.type)) {
        if (!other.deleted() && !other.id.equals(row.id) && rule.matches(row, other)
            && (!header.runAsCurrentUser() || UserRecordAccess.canRead(actor, other, store))) {
          matches.add(other);
        }
      }
      if (!matches.isEmpty()) {
        return new SaveError("DUPLICATES_DETECTED", rule.alertText(), List.of(), result(rule, matches, header, store));
      }
    }
    return null;
  }

  /** The {@code duplicateResult} element, in the schema's order. */
  private static String result(DuplicateRule rule, List<Row> matches, SaveOptions.DuplicateRuleHeader header, RecordStore store) {
    List<ResultShape.Node> shown = new ArrayList<>();
    shown.add(new ResultShape.Leaf(rule.type().field("Id")));
    if (header.includeRecordDetails()) {
      rule.matchedFields().forEach(f -> shown.add(new ResultShape.Leaf(f)));
    }
    StringBuilder out = new StringBuilder("<duplicateResult><allowSave>").append(!rule.block()).append("</allowSave><duplicateRule>")
        .append(SoapXml.esc(rule.developerName())).append("</duplicateRule><duplicateRuleEntityType>").append(rule.type().name)
        .append("</duplicateRuleEntityType><errorMessage>").append(SoapXml.esc(rule.alertText())).append("</errorMessage>")
        .append("<matchResults><entityType>").append(rule.type().name).append("</entityType><matchEngine>")
        .append(SoapXml.esc(rule.matchEngine())).append("</matchEngine>");
    for (Row match : matches) {
      out.append("<matchRecords><matchConfidence>100.0</matchConfidence>");
      SObjectXml.write(out, "record", match, shown, store);
      out.append("</matchRecords>");
    }
    return out.append("<rule>").append(SoapXml.esc(rule.matchingRule())).append("</rule><size>").append(matches.size())
        .append("</size><success>true</success></matchResults></duplicateResult>").toString();
  }
}
