package com.exchangesync.testbed.salesforce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * Reads the package's custom objects and fields from SFDX source
 * ({@code force-app/**}{@code /objects/<Object>/<Object>.object-meta.xml} and
 * {@code fields/*.field-meta.xml}), so the test bed's schema is the package's:
 * a query on a field the package does not define fails as it would in an org.
 * Custom fields on standard objects ({@code objects/Contact/fields/...}; those of
 * {@code objects/Activity} go to both {@code Event} and {@code Task}) are
 * added to those. With a namespace prefix every custom name gets it, as in a
 * managed install.
 */
final class CustomMetadataLoader {

  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final String namespace;
  private final Map<String, SObjectType> standard;
  private final List<String> warnings;
  /** Formula fields read, parsed once every field is known (a formula may name a field defined after it). */
  private final List<Runnable> formulas = new ArrayList<>();

  private CustomMetadataLoader(String namespace, Map<String, SObjectType> standard, List<String> warnings) {
    this.namespace = namespace;
    this.standard = standard;
    this.warnings = warnings;
  }

  /**
   * Loads every object directory under {@code forceApp}: returns the custom
   * objects and adds custom fields to the {@code standard} ones (keyed by
   * lower-case name). What cannot be modelled is skipped and named in
   * {@code warnings}.
   */
  static List<SObjectType> load(Path forceApp, String namespace, Map<String, SObjectType> standard, List<String> warnings) {
    return new CustomMetadataLoader(namespace, standard, warnings).load(forceApp);
  }

  private List<SObjectType> load(Path forceApp) {
    Map<String, Path> objectDirs = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(forceApp)) {
      walk.filter(Files::isDirectory).filter(p -> p.getFileName().toString().equals("objects")).forEach(objects -> {
        try (Stream<Path> dirs = Files.list(objects)) {
          dirs.filter(Files::isDirectory).forEach(d -> objectDirs.putIfAbsent(d.getFileName().toString(), d));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + forceApp + ": " + e.getMessage(), e);
    }
    List<SObjectType> custom = new ArrayList<>();
    int prefix = 0;
    for (Map.Entry<String, Path> e : objectDirs.entrySet()) {
      String name = e.getKey();
      if (name.equals("Activity")) {
        // Activity custom fields are defined once and belong to both events and tasks, as in an org.
        List<SObjectType> activities = java.util.stream.Stream.of("event", "task").map(standard::get)
            .filter(java.util.Objects::nonNull).toList();
        activities.forEach(type -> addFields(type, e.getValue()));
        continue;
      }
      if (!name.endsWith("__c")) {
        SObjectType type = standard.get(name.toLowerCase(Locale.ROOT));
        if (type == null) {
          warnings.add("objects/" + name + ": the test bed does not model the standard object " + name + "; its fields are ignored");
          continue;
        }
        addFields(type, e.getValue());
        continue;
      }
      SObjectType type = customObject(name, e.getValue(), "a0" + BASE62.charAt(prefix++ % 62));
      addFields(type, e.getValue());
      if (type.fields().stream().noneMatch(FieldDef::masterDetail)) {
        type.add(StandardObjects.owner());
      }
      custom.add(type);
    }
    formulas.forEach(Runnable::run);
    return custom;
  }

  private SObjectType customObject(String name, Path dir, String keyPrefix) {
    SObjectType type = StandardObjects.withSystemFields(new SObjectType(namespace + name, keyPrefix, true, true));
    Optional<Element> meta = read(dir.resolve(name + ".object-meta.xml"));
    Optional<Element> nameField = meta.flatMap(m -> SoapXml.child(m, "nameField"));
    String nameType = nameField.flatMap(n -> SoapXml.childText(n, "type")).orElse("Text");
    nameField.flatMap(n -> SoapXml.childText(n, "label")).ifPresent(label -> type.label("Name", label.trim()));
    if (nameType.equals("AutoNumber")) {
      type.add(FieldDef.readOnly("Name", FieldType.STRING));
      type.autoNumberFormats.put("Name", nameField.flatMap(n -> SoapXml.childText(n, "displayFormat")).orElse("{0}"));
    } else {
      type.add(FieldDef.of("Name", FieldType.STRING, 80));
    }
    return type;
  }

  private void addFields(SObjectType type, Path objectDir) {
    Path fields = objectDir.resolve("fields");
    if (!Files.isDirectory(fields)) {
      return;
    }
    try (Stream<Path> files = Files.list(fields)) {
      files.filter(f -> f.getFileName().toString().endsWith(".field-meta.xml")).sorted().forEach(f ->
          read(f).ifPresent(xml -> field(type, xml, f)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + fields + ": " + e.getMessage(), e);
    }
  }

  private void field(SObjectType type, Element xml, Path file) {
    String fullName = SoapXml.childText(xml, "fullName")
        .orElse(file.getFileName().toString().replace(".field-meta.xml", ""));
    if (!fullName.endsWith("__c")) {
      return; // a standard field's settings (help text, history tracking): nothing the API enforces
    }
    String name = namespace + fullName;
    String kind = SoapXml.childText(xml, "type").orElse(SoapXml.child(xml, "formula").isPresent() ? "Text" : "");
    boolean required = bool(xml, "required");
    int length = SoapXml.childText(xml, "length").map(Integer::parseInt).orElse(0);
    FieldDef f;
    switch (kind) {
      case "Checkbox" -> f = FieldDef.of(name, FieldType.BOOLEAN, 0)
          .withDefault(SoapXml.childText(xml, "defaultValue").map(v -> v.equalsIgnoreCase("true")).orElse(false));
      case "Text" -> f = FieldDef.of(name, FieldType.STRING, length == 0 ? 255 : length);
      case "TextArea" -> f = FieldDef.of(name, FieldType.TEXTAREA, 255);
      case "LongTextArea", "Html" -> f = FieldDef.of(name, FieldType.TEXTAREA, length == 0 ? 32768 : length);
      case "EncryptedText" -> f = FieldDef.of(name, FieldType.ENCRYPTEDSTRING, length == 0 ? 175 : length);
      case "Email" -> f = FieldDef.of(name, FieldType.EMAIL, 80);
      case "Phone" -> f = FieldDef.of(name, FieldType.PHONE, 40);
      case "Url" -> f = FieldDef.of(name, FieldType.URL, 255);
      case "Picklist" -> f = picklist(name, FieldType.PICKLIST, 255, xml);
      case "MultiselectPicklist" -> f = picklist(name, FieldType.MULTIPICKLIST, 4099, xml);
      case "Number" -> f = FieldDef.of(name, FieldType.DOUBLE, 0);
      case "Currency" -> f = FieldDef.of(name, FieldType.CURRENCY, 0);
      case "Percent" -> f = FieldDef.of(name, FieldType.PERCENT, 0);
      case "Date" -> f = FieldDef.of(name, FieldType.DATE, 0);
      case "DateTime" -> f = FieldDef.of(name, FieldType.DATETIME, 0);
      case "Lookup", "MasterDetail" -> f = reference(name, kind.equals("MasterDetail"), xml);
      case "AutoNumber" -> {
        f = FieldDef.readOnly(name, FieldType.STRING);
        type.autoNumberFormats.put(name, SoapXml.childText(xml, "displayFormat").orElse("{0}"));
      }
      case "Summary" -> f = FieldDef.readOnly(name, FieldType.DOUBLE);
      default -> {
        warnings.add(file + ": field type '" + kind + "' is not modelled; " + name + " is left out of " + type.name);
        return;
      }
    }
    Optional<String> formula = SoapXml.childText(xml, "formula");
    if (formula.isPresent()) {
      // Computed at every read (Formula), never stored nor defaulted; one the test bed cannot evaluate reads null.
      f = f.asReadOnly().withDefault(null);
      FieldDef def = f;
      boolean blankAsZero = SoapXml.childText(xml, "formulaTreatBlanksAs").map(b -> b.trim().equals("BlankAsZero")).orElse(false);
      formulas.add(() -> Formula.parse(formula.get(), def, blankAsZero, n -> fieldOf(type, n))
          .ifPresent(parsed -> type.formulas.put(def.name(), parsed)));
    } else {
      if (required) {
        f = f.asRequired();
      }
      if (f.defaultValue() == null && f.type() != FieldType.BOOLEAN) {
        Object dflt = defaultValue(f.type(), SoapXml.childText(xml, "defaultValue").orElse(null));
        if (dflt != null) {
          f = f.withDefault(dflt);
        }
      }
    }
    boolean externalId = bool(xml, "externalId");
    boolean unique = bool(xml, "unique");
    if (externalId || unique) {
      f = new FieldDef(f.name(), f.type(), f.length(), f.createable(), f.updateable(), f.required(), externalId, unique,
          bool(xml, "caseSensitive"), f.referenceTo(), f.relationshipName(), f.picklistValues(), f.defaultValue(), f.masterDetail());
    }
    type.add(f);
    SoapXml.childText(xml, "label").ifPresent(label -> type.label(name, label.trim()));
  }

  /** The field a formula names: a custom one as the package spells it, with the namespace prefix it has here. */
  private FieldDef fieldOf(SObjectType type, String name) {
    FieldDef f = name.endsWith("__c") ? type.field(namespace + name) : null;
    return f != null ? f : type.field(name);
  }

  private FieldDef picklist(String name, FieldType type, int length, Element xml) {
    List<String> values = new ArrayList<>();
    String dflt = null;
    Optional<Element> valueSet = SoapXml.child(xml, "valueSet");
    boolean restricted = valueSet.flatMap(v -> SoapXml.childText(v, "restricted")).map(Boolean::parseBoolean).orElse(false);
    Optional<Element> definition = valueSet.flatMap(v -> SoapXml.child(v, "valueSetDefinition"));
    if (definition.isPresent()) {
      for (Element value : SoapXml.children(definition.get(), "value")) {
        String v = SoapXml.childText(value, "fullName").orElse("");
        values.add(v);
        if (SoapXml.childText(value, "default").map(Boolean::parseBoolean).orElse(false)) {
          dflt = v;
        }
      }
    }
    return new FieldDef(name, type, length, true, true, false, false, false, false, List.of(), null,
        restricted ? List.copyOf(values) : List.of(), dflt, false);
  }

  private FieldDef reference(String name, boolean masterDetail, Element xml) {
    String target = SoapXml.childText(xml, "referenceTo").orElse("User");
    String apiTarget = target.endsWith("__c") ? namespace + target : target;
    String relationship = name.substring(0, name.length() - 3) + "__r";
    boolean reparentable = bool(xml, "reparentableMasterDetail");
    return new FieldDef(name, FieldType.REFERENCE, 18, true, !masterDetail || reparentable, masterDetail, false, false, false,
        List.of(apiTarget), relationship, List.of(), null, masterDetail);
  }

  private static Object defaultValue(FieldType type, String formula) {
    if (formula == null || formula.isBlank()) {
      return null;
    }
    String f = formula.trim();
    if (f.length() >= 2 && (f.startsWith("\"") && f.endsWith("\"") || f.startsWith("'") && f.endsWith("'"))) {
      return type.textual() ? f.substring(1, f.length() - 1) : null;
    }
    if (type.kind == FieldType.Kind.NUMBER) {
      try {
        return new BigDecimal(f);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null; // a formula the test bed does not evaluate (TODAY(), $User.Id, ...)
  }

  private static boolean bool(Element xml, String name) {
    return SoapXml.childText(xml, name).map(Boolean::parseBoolean).orElse(false);
  }

  private Optional<Element> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(SoapXml.parse(Files.readAllBytes(file)).getDocumentElement());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    } catch (SoapXml.Malformed e) {
      throw new IllegalStateException(file + " is not well-formed metadata XML: " + e.getMessage(), e);
    }
  }
}
