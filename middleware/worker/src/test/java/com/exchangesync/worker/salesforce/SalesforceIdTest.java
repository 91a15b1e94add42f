package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SalesforceIdTest {

  @Test
  void appendsTheCaseSuffixToA15CharacterId() {
    // Known pair: the 18-character form Salesforce shows for 001A0000006Vm9r.
    assertThat(SalesforceId.canonical("001A0000006Vm9r")).hasValue("001A0000006Vm9rIAC");
    assertThat(SalesforceId.canonical("00D000000000001")).hasValue("00D000000000001EAA");
  }

  @Test
  void comparesA15CharacterIdWithIts18CharacterForm() {
    assertThat(SalesforceId.same("001A0000006Vm9r", "001A0000006Vm9rIAC")).isTrue();
    assertThat(SalesforceId.same("001A0000006Vm9rIAC", "001a0000006vm9riac")).isTrue();
  }

  @Test
  void tellsApartIdsThatDifferOnlyInCase_whenGivenIn15Characters() {
    assertThat(SalesforceId.same("001A0000006Vm9r", "001a0000006Vm9r")).isFalse();
    assertThat(SalesforceId.same("001A0000006Vm9r", "001a0000006Vm9rIAC".substring(0, 15) + "AAC")).isFalse();
  }

  @Test
  void rejectsWhatIsNotAnId() {
    assertThat(SalesforceId.canonical(null)).isEmpty();
    assertThat(SalesforceId.canonical("")).isEmpty();
    assertThat(SalesforceId.canonical("001A0000006Vm9")).isEmpty();
    assertThat(SalesforceId.canonical("001A0000006Vm9r'")).isEmpty();
    assertThat(SalesforceId.canonical("001A0000006Vm9' OR ''='")).isEmpty();
    assertThat(SalesforceId.same(null, null)).isFalse();
  }

  @Property
  void theCanonicalFormRepairsAnyCaseDamageToThe18CharacterId(
      @ForAll @StringLength(15) @CharRange(from = 'a', to = 'z') @CharRange(from = 'A', to = 'Z') @NumericChars String id15) {
    String id18 = SalesforceId.canonical(id15).orElseThrow();

    assertThat(id18).startsWith(id15).hasSize(18);
    assertThat(SalesforceId.canonical(id18.toLowerCase(Locale.ROOT))).hasValue(id18);
    assertThat(SalesforceId.canonical(id18.toUpperCase(Locale.ROOT))).hasValue(id18);
    assertThat(SalesforceId.same(id15, id18.toLowerCase(Locale.ROOT))).isTrue();
  }
}
