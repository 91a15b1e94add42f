package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

  @Test
  void theCaseSafeSuffix() {
    assertThat(SalesforceIds.canonical("001D000000IqhSL")).isEqualTo("001D000000IqhSLIAZ");
    assertThat(SalesforceIds.canonical("001D000000IqhSLIAZ")).isEqualTo("001D000000IqhSLIAZ");
    assertThat(SalesforceIds.canonical("001D000000IqhSLiaz")).isEqualTo("001D000000IqhSLIAZ");
    assertThat(SalesforceIds.canonical("001D000000IqhSLAAA")).isNull(); // suffix does not fit
    assertThat(SalesforceIds.canonical("001D000000IqhS")).isNull();
    assertThat(SalesforceIds.canonical("001D000000Iqh-L")).isNull();
    assertThat(SalesforceIds.canonical(null)).isNull();
  }

  @Test
  void newIdsAreValidUniqueAndCarryTheirPrefix() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = SalesforceIds.next("003");
      assertThat(id).hasSize(18).startsWith("003");
      assertThat(SalesforceIds.canonical(id)).isEqualTo(id);
      assertThat(seen.add(id)).isTrue();
    }
  }
}
