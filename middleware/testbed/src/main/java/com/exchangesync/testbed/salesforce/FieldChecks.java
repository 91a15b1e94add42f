package com.exchangesync.testbed.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The per-field checks the org makes on every save, with the status codes
 * and wording the API uses (messages name fields by their labels, the errors'
 * {@code fields} by their API names): writability, text length, restricted picklist
 * values, e-mail syntax, and references that must point at a live record of
 * the right type (stored in their 18-character form).
 */
final class FieldChecks {

  /** The types whose text the {@code AllowFieldTruncationHeader} truncates (the API guide's list; URLs are not on it). */
  private static final java.util.Set<FieldType> TRUNCATED = java.util.EnumSet.of(FieldType.STRING, FieldType.TEXTAREA,
      FieldType.EMAIL, FieldType.PHONE, FieldType.PICKLIST, FieldType.MULTIPICKLIST, FieldType.ENCRYPTEDSTRING);

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private FieldChecks() {}

  /** Errors for fields of {@code change} that cannot be written on create ({@code insert}) or update. */
  static List<SaveError> writable(Change change, boolean insert) {
    List<String> refused = new ArrayList<>();
    for (FieldDef f : change.values.keySet()) {
      if (insert ? !f.createable() : !f.updateable()) {
        refused.add(f.name());
      }
    }
    if (refused.isEmpty()) {
      return List.of();
    }
    return List.of(new SaveError("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + String.join(", ", refused)
        + ". Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
        List.copyOf(refused)));
  }

  /**
   * Errors for values of {@code change} the org would refuse; references are rewritten to 18 characters.
   * With {@code truncate} (the {@code AllowFieldTruncationHeader}) text too long for a field that takes
   * truncation is cut to its length instead of refused.
   */
  static List<SaveError> values(Change change, RecordStore store, boolean truncate) {
    List<SaveError> errors = new ArrayList<>();
    for (Map.Entry<FieldDef, Object> e : change.values.entrySet()) {
      FieldDef f = e.getKey();
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      String label = change.type.label(f);
      if (v instanceof String s && f.length() > 0 && f.type().textual() && !f.isReference() && s.length() > f.length()) {
        if (truncate && TRUNCATED.contains(f.type())) {
          e.setValue(s.substring(0, f.length()));
          v = e.getValue();
        } else {
          errors.add(SaveError.of("STRING_TOO_LONG", label + ": data value too large: " + abbreviate(s) + " (max length="
              + f.length() + ")", f.name()));
          continue;
        }
      }
      if (f.type() == FieldType.EMAIL && !EMAIL.matcher(v.toString()).matches()) {
        errors.add(SaveError.of("INVALID_EMAIL_ADDRESS", label + ": invalid email address: " + v, f.name()));
      } else if (!f.picklistValues().isEmpty() && !picklistOk(f, v.toString())) {
        errors.add(SaveError.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", label + ": bad value for restricted picklist field: " + v,
            f.name()));
      } else if (f.isReference()) {
        SaveError bad = reference(f, label, v.toString(), store);
        if (bad != null) {
          errors.add(bad);
        } else {
          e.setValue(SalesforceIds.canonical(v.toString()));
        }
      }
    }
    return errors;
  }

  private static boolean picklistOk(FieldDef f, String value) {
    if (f.type() == FieldType.MULTIPICKLIST) {
      for (String part : value.split(";")) {
        if (!f.picklistValues().contains(part.trim())) {
          return false;
        }
      }
      return true;
    }
    return f.picklistValues().contains(value);
  }

  private static SaveError reference(FieldDef f, String label, String value, RecordStore store) {
    if (!SalesforceIds.valid(value)) {
      return SaveError.of("MALFORMED_ID", label + ": id value of incorrect type: " + value, f.name());
    }
    Row target = store.row(value);
    if (target == null || target.deleted() || !f.referenceTo().contains(target.type.name)) {
      return SaveError.of("INVALID_CROSS_REFERENCE_KEY", label + ": invalid cross reference id", f.name());
    }
    return null;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
