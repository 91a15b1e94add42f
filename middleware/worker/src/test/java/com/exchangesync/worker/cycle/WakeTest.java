package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.salesforce.SalesforceUser;
import com.exchangesync.worker.salesforce.SyncConfiguration;
import com.exchangesync.worker.sync.Membership;
import com.exchangesync.worker.sync.SyncKinds;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WakeTest {

  private static Membership.Rep rep(String id, String email, String contactScope) {
    SyncConfiguration config = new SyncConfiguration("a01A", "Sales", true, "", "Both directions", "Exchange wins",
        "Was last updated", contactScope, true, null, "Both directions", "Exchange wins", false, null, null);
    return new Membership.Rep(new SalesforceUser(id, email, email, email, "00eA", true, "Europe/Berlin"), config, true, true);
  }

  @Test
  void namesRepsByIdOrMailbox_inAnyCase() {
    Wake wake = Wake.of(Set.of("005A00000000001AAA"), Set.of("Bob@Corp.example.com"), Set.of());
    assertThat(wake.includes(rep("005A00000000001AAA", "ann@corp.example.com", "Selected Contacts"), SyncKinds.all())).isTrue();
    assertThat(wake.includes(rep("005A00000000002AAA", "bob@corp.example.com", "Selected Contacts"), SyncKinds.all())).isTrue();
    assertThat(wake.includes(rep("005A00000000003AAA", "cy@corp.example.com", "Selected Contacts"), SyncKinds.all())).isFalse();
  }

  @Test
  void aContactChange_wakesTheRepsWhoSyncAllContactsTheyCanSee_butNotForAnEventChange() {
    Membership.Rep allContacts = rep("005A00000000004AAA", "dee@corp.example.com", "All Contacts");
    assertThat(Wake.of(Set.of("005A00000000001AAA"), Set.of(), Set.of("Contact")).includes(allContacts, SyncKinds.all()))
        .isTrue();
    assertThat(Wake.of(Set.of("005A00000000001AAA"), Set.of(), Set.of("Event")).includes(allContacts, SyncKinds.all()))
        .isFalse();
    assertThat(Wake.of(Set.of("005A00000000001AAA"), Set.of(), Set.of("Contact"))
        .includes(rep("005A00000000005AAA", "eve@corp.example.com", "Selected Contacts"), SyncKinds.all())).isFalse();
  }

  @Test
  void wakesAddUp_andEveryoneAbsorbsTheRest() {
    Wake a = Wake.of(Set.of("005A00000000001AAA"), Set.of(), Set.of("Contact"));
    Wake b = Wake.of(Set.of(), Set.of("bob@corp.example.com"), Set.of());
    assertThat(a.and(b).userIds()).containsExactly("005A00000000001AAA");
    assertThat(a.and(b).emails()).containsExactly("bob@corp.example.com");
    assertThat(a.and(Wake.EVERYONE)).isEqualTo(Wake.EVERYONE);
    assertThat(Wake.NOBODY.nobody()).isTrue();
    assertThat(Wake.NOBODY.and(a).nobody()).isFalse();
  }
}
