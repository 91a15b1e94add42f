package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SalesforceNamesTest {

  private final SalesforceNames managed = new SalesforceNames("exsync");
  private final SalesforceNames unmanaged = new SalesforceNames("");

  @Test
  void prefixesCustomObjectsFieldsAndRelationships_inAManagedInstall() {
    assertThat(managed.api("Exchange_Sync_Setup__c")).isEqualTo("exsync__Exchange_Sync_Setup__c");
    assertThat(managed.api("Enabled__c")).isEqualTo("exsync__Enabled__c");
    assertThat(managed.api("ExchangeSyncError__c")).isEqualTo("exsync__ExchangeSyncError__c");
    assertThat(managed.api("Configuration__r.Name")).isEqualTo("exsync__Configuration__r.Name");
    assertThat(managed.api("Configuration__r.Active__c")).isEqualTo("exsync__Configuration__r.exsync__Active__c");
  }

  @Test
  void leavesStandardNamesAndOtherNamespacesAlone() {
    assertThat(managed.api("Contact")).isEqualTo("Contact");
    assertThat(managed.api("OwnerId")).isEqualTo("OwnerId");
    assertThat(managed.api("Owner.Email")).isEqualTo("Owner.Email");
    assertThat(managed.api("other__Field__c")).isEqualTo("other__Field__c");
    assertThat(managed.api("exsync__Enabled__c")).isEqualTo("exsync__Enabled__c");
  }

  @Test
  void changesNothingWithoutANamespace() {
    assertThat(unmanaged.api("Exchange_Sync_Setup__c")).isEqualTo("Exchange_Sync_Setup__c");
    assertThat(unmanaged.logical("Exchange_Sync_Setup__c")).isEqualTo("Exchange_Sync_Setup__c");
  }

  @Test
  void mapsApiNamesBackToLogicalNames() {
    assertThat(managed.logical("exsync__Exchange_Sync_Setup__c")).isEqualTo("Exchange_Sync_Setup__c");
    assertThat(managed.logical("EXSYNC__Enabled__c")).isEqualTo("Enabled__c");
    assertThat(managed.logical("Contact")).isEqualTo("Contact");
    assertThat(managed.logical("other__Field__c")).isEqualTo("other__Field__c");
  }

  @Test
  void refusesANamespaceThatIsNotOne() {
    assertThatThrownBy(() -> new SalesforceNames("ex sync")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SalesforceNames("exsync__")).isInstanceOf(IllegalArgumentException.class);
  }
}
