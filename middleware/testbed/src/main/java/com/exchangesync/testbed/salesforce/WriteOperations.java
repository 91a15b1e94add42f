package com.exchangesync.testbed.salesforce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * {@code create}, {@code update}, {@code upsert} and {@code delete}. More
 * than 200 records fail the whole call ({@code EXCEEDED_ID_LIMIT}); an unknown
 * type or field fails it too ({@code INVALID_TYPE}, {@code INVALID_FIELD}), as
 * in the org; everything else is a per-record result. An injected lock fault
 * fails the first {@code locked} records with {@code UNABLE_TO_LOCK_ROW}.
 */
final class WriteOperations {

  static final int MAX_RECORDS = 200;

  private final RecordStore store;
  private final RecordWriter writer;

  WriteOperations(RecordStore store) {
    this.store = store;
    this.writer = new RecordWriter(store);
  }

  String create(SoapCall call, String userId, int locked) {
    List<Change> changes = changes(call, locked);
    return results("createResponse", writer.create(changes, userId, SaveOptions.of(call)), SaveResultXml::save);
  }

  String update(SoapCall call, String userId, int locked) {
    List<Change> changes = changes(call, locked);
    return results("updateResponse", writer.update(changes, userId, SaveOptions.of(call)), SaveResultXml::save);
  }

  String upsert(SoapCall call, String userId, int locked) {
    String keyName = call.required("externalIDFieldName");
    List<Change> changes = changes(call, locked);
    FieldDef key = null;
    if (!changes.isEmpty()) {
      SObjectType type = changes.get(0).type;
      if (changes.stream().anyMatch(c -> c.type != type)) {
        throw SalesforceFault.of("INVALID_TYPE", "InvalidSObjectFault", "upsert takes records of one sObject type per call");
      }
      if (!keyName.equalsIgnoreCase("Id")) {
        key = type.field(keyName);
        if (key == null || !key.externalId()) {
          throw SalesforceFault.of("INVALID_FIELD", "InvalidFieldFault", "Field name provided, " + keyName
              + " is not an External ID or indexed field for " + type.name);
        }
      }
    }
    return results("upsertResponse", writer.upsert(key, changes, userId, SaveOptions.of(call)), SaveResultXml::upsert);
  }

  String delete(SoapCall call, int locked) {
    List<String> ids = call.children("ids").stream().map(e -> e.getTextContent().trim()).toList();
    tooMany(ids.size());
    Map<Integer, SaveError> problems = new HashMap<>();
    for (int i = 0; i < Math.min(locked, ids.size()); i++) {
      problems.put(i, SaveError.lockedRow(ids.get(i)));
    }
    return results("deleteResponse", writer.delete(ids, problems, call.allOrNone()), SaveResultXml::delete);
  }

  private List<Change> changes(SoapCall call, int locked) {
    List<Element> sObjects = call.children("sObjects");
    tooMany(sObjects.size());
    List<Change> changes = new ArrayList<>();
    for (Element e : sObjects) {
      changes.add(change(SObjectXml.read(e)));
    }
    for (int i = 0; i < Math.min(locked, changes.size()); i++) {
      changes.get(i).problems.add(SaveError.lockedRow(changes.get(i).id));
    }
    return changes;
  }

  private static void tooMany(int n) {
    if (n > MAX_RECORDS) {
      throw SalesforceFault.unexpected("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than " + MAX_RECORDS
          + " records into this call");
    }
  }

  /** Resolves one request sObject against the schema; unknown names fail the call. */
  private Change change(SObjectXml.Input in) {
    if (in.type() == null || in.type().isEmpty()) {
      throw SalesforceFault.of("INVALID_TYPE", "InvalidSObjectFault", "Must send a concrete entity type.");
    }
    SObjectType type = store.schema.type(in.type());
    if (type == null) {
      throw SalesforceFault.invalidType(in.type());
    }
    if (!in.nested().isEmpty()) {
      throw SalesforceFault.of("INVALID_FIELD", "InvalidFieldFault", "Foreign key external ID references ("
          + String.join(", ", in.nested()) + ") are not served by this test bed; send the parent's id instead");
    }
    Change c = new Change(type, in.id());
    for (Map.Entry<String, String> e : in.fields().entrySet()) {
      FieldDef f = field(type, e.getKey());
      try {
        c.values.put(f, FieldValues.fromText(f, e.getValue()));
      } catch (IllegalArgumentException bad) {
        c.problems.add(SaveError.of("INVALID_TYPE_ON_FIELD_IN_RECORD", type.label(f) + ": value not of required type: " + e.getValue(),
            f.name()));
      }
    }
    for (String name : in.fieldsToNull()) {
      c.values.put(field(type, name), null);
    }
    return c;
  }

  private static FieldDef field(SObjectType type, String name) {
    FieldDef f = type.field(name);
    if (f == null) {
      throw SalesforceFault.noSuchColumn(name, type.name);
    }
    return f;
  }

  private static String results(String element, List<SaveOutcome> outcomes, ResultWriter write) {
    StringBuilder out = new StringBuilder("<").append(element).append('>');
    for (SaveOutcome o : outcomes) {
      write.write(out, o);
    }
    return out.append("</").append(element).append('>').toString();
  }

  /** Writes one result element. */
  @FunctionalInterface
  private interface ResultWriter {
    void write(StringBuilder out, SaveOutcome o);
  }
}
