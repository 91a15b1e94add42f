package com.exchangesync.worker.salesforce;

/**
 * One {@code Exchange_Sync_Field_Mapping__c}: a Salesforce field paired with an Exchange property.
 *
 * @param id record id
 * @param configurationId the configuration it belongs to
 * @param object {@code Contact} or {@code Event}
 * @param salesforceField the Salesforce field's API name
 * @param exchangeField the Exchange property's name
 */
public record FieldMapping(String id, String configurationId, String object, String salesforceField, String exchangeField) {}
