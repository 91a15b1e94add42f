package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The formula subset the test bed evaluates, its blanks, and what it leaves unevaluated. */
class FormulaTest {

  private final SObjectType type = new SObjectType("Thing__c", "a00", true, true)
      .add(FieldDef.of("A__c", FieldType.DATETIME, 0)).add(FieldDef.of("B__c", FieldType.DATETIME, 0))
      .add(FieldDef.of("Who__c", FieldType.REFERENCE, 18)).add(FieldDef.of("By__c", FieldType.REFERENCE, 18))
      .add(FieldDef.of("Name__c", FieldType.STRING, 80)).add(FieldDef.of("N__c", FieldType.DOUBLE, 0))
      .add(FieldDef.of("Flag__c", FieldType.BOOLEAN, 0));
  private static final FieldDef CHECKBOX = FieldDef.readOnly("F__c", FieldType.BOOLEAN);

  private Optional<Formula> parse(String text, boolean blankAsZero) {
    return Formula.parse(text, CHECKBOX, blankAsZero, type::field);
  }

  private Object eval(String text, boolean blankAsZero, Object... fieldsAndValues) {
    Row row = new Row(type, "a00000000000001AAA");
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      row.values.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return parse(text, blankAsZero).orElseThrow().value(row);
  }

  @Test
  void comparisonsAndLogic_asFormulasWriteThem() {
    Instant t = Instant.parse("2026-01-01T10:00:00Z");
    String formula = "OR(B__c > A__c, Who__c <> By__c)";
    assertThat(eval(formula, true, "A__c", t, "B__c", t, "Who__c", "005000000000001AAA", "By__c", "005000000000001AAA")).isEqualTo(false);
    assertThat(eval(formula, true, "A__c", t, "B__c", t.plusSeconds(1), "Who__c", "005000000000001AAA", "By__c", "005000000000001AAA"))
        .isEqualTo(true);
    assertThat(eval(formula, true, "A__c", t, "B__c", t, "Who__c", "005000000000001AAA", "By__c", "005000000000002AAA")).isEqualTo(true);
    assertThat(eval("Who__c = By__c", true, "Who__c", "005000000000001AAA", "By__c", "005000000000001")).as("15 or 18 characters")
        .isEqualTo(true);
    assertThat(eval("B__c >= A__c && !(B__c == A__c)", true, "A__c", t, "B__c", t)).isEqualTo(false);
    assertThat(eval("NOT(Flag__c) || FALSE", true, "Flag__c", false)).isEqualTo(true);
    assertThat(eval("AND(TRUE, Name__c != Name__c)", true, "Name__c", "x")).isEqualTo(false);
    assertThat(eval("N__c <= N__c && A__c < B__c", true, "N__c", new BigDecimal("2"), "A__c", t, "B__c", t.plusSeconds(1)))
        .isEqualTo(true);
  }

  @Test
  void blanks_followFormulaTreatBlanksAs_andACheckboxIsNeverBlank() {
    Instant t = Instant.parse("2026-01-01T10:00:00Z");
    assertThat(eval("N__c = N__c", true)).as("a blank number is 0").isEqualTo(true);
    assertThat(eval("Name__c = Name__c", false)).as("blank as blank: the comparison is blank, the checkbox false").isEqualTo(false);
    assertThat(eval("OR(B__c > A__c, TRUE)", true, "A__c", t)).as("a blank date stays blank; OR still finds a true").isEqualTo(true);
    assertThat(eval("NOT(B__c > A__c)", true, "A__c", t)).isEqualTo(false);
  }

  @Test
  void thePackagesOwnFormulas_areInTheSubset_withTheirNamespace() {
    Schema s = Schema.load(ProjectRoot.forceApp().orElseThrow(), "exsync");
    assertThat(s.type("Contact").formulas).containsKey("exsync__Exchange_Sync_Saved_Since_Created__c");
  }

  @Test
  void formulasOutsideTheSubset_areNotEvaluated() {
    assertThat(parse("Name__c = \"x\"", true)).as("text literal").isEmpty();
    assertThat(parse("N__c > 1", true)).as("number literal").isEmpty();
    assertThat(parse("ISBLANK(Name__c)", true)).as("another function").isEmpty();
    assertThat(parse("Owner.IsActive", true)).as("a related record's field").isEmpty();
    assertThat(parse("$User.Id = Who__c", true)).isEmpty();
    assertThat(parse("Missing__c = Who__c", true)).as("an unknown field").isEmpty();
    assertThat(parse("A__c = Name__c", true)).as("a date compared with a text").isEmpty();
    assertThat(parse("Name__c", true)).as("a text result for a checkbox").isEmpty();
    assertThat(parse("OR(TRUE", true)).isEmpty();
  }
}
