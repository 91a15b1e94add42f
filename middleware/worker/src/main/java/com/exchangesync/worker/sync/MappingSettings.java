package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.salesforce.FieldMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A configuration's field mappings for one kind ({@code Exchange_Sync_Field_Mapping__c}
 * rows whose {@code Object__c} names the kind's Salesforce object) turned into a
 * {@link FieldMap}, every bad row named in {@code problems} and left out. A
 * configuration without valid rows uses the kind's shipped mapping.
 */
public final class MappingSettings {

  private MappingSettings() {}

  /** How a mapping row becomes a mapped value (a kind may translate values between some fields). */
  @FunctionalInterface
  public interface PairMaker {
    /** The mapped value, or null when the kind does not let a row map that field. */
    Mapped make(String salesforceField, ExchangeField exchangeField);
  }

  public static FieldMap fieldMap(String configurationId, String salesforceObject, ItemKind kind, List<FieldMapping> mappings,
                                  FieldMap defaults, List<String> problems) {
    return fieldMap(configurationId, salesforceObject, kind, mappings, defaults, FieldMap.Pair::new, List.of(), problems);
  }

  /**
   * @param pairMaker turns a valid row into a mapped value
   * @param always mapped values every configuration of the kind has, whatever its rows (an event's time);
   *     rows that name one of their fields are left out and reported
   */
  public static FieldMap fieldMap(String configurationId, String salesforceObject, ItemKind kind, List<FieldMapping> mappings,
                                  FieldMap defaults, PairMaker pairMaker, List<Mapped> always, List<String> problems) {
    String label = kind.name().toLowerCase(java.util.Locale.ROOT);
    List<Mapped> pairs = new ArrayList<>(always);
    for (FieldMapping m : mappings) {
      if (!configurationId.equals(m.configurationId()) || !salesforceObject.equalsIgnoreCase(m.object())) {
        continue;
      }
      Optional<ExchangeField> ex = ExchangeField.byApiName(kind, m.exchangeField() == null ? "" : m.exchangeField());
      if (ex.isEmpty() || !ex.get().writable()) {
        problems.add("Field mapping " + m.salesforceField() + " -> " + m.exchangeField() + ": '" + m.exchangeField()
            + "' is not an Exchange " + label + " field; it is left out.");
        continue;
      }
      if (m.salesforceField() == null || !m.salesforceField().matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
        problems.add("Field mapping '" + m.salesforceField() + "' is not a Salesforce field name; it is left out.");
        continue;
      }
      boolean duplicate = pairs.stream().anyMatch(p -> p.exchangeFields().contains(ex.get())
          || p.salesforceFields().stream().anyMatch(f -> f.equalsIgnoreCase(m.salesforceField())));
      if (duplicate) {
        problems.add("Field mapping " + m.salesforceField() + " -> " + m.exchangeField() + " maps a field twice; it is left out.");
        continue;
      }
      Mapped made = pairMaker.make(m.salesforceField(), ex.get());
      if (made == null) {
        problems.add("Field mapping " + m.salesforceField() + " -> " + m.exchangeField() + ": the sync keeps '"
            + m.exchangeField() + "' itself; it is left out.");
        continue;
      }
      pairs.add(made);
    }
    return pairs.size() == always.size() ? defaults : new FieldMap(kind, pairs);
  }
}
