import { LightningElement, api } from 'lwc';
import { EXCHANGE_FIELDS } from './exchangeFields';

let newRowCount = 0;

/**
 * The field mappings of one object (Contact or Event): a table of
 * Salesforce field ↔ Exchange field rows that can be added and removed.
 * Fires "mappingschange" with detail {objectName, mappings}.
 */
export default class ExchangeSyncFieldMappings extends LightningElement {
    /** 'Contact' or 'Event' */
    @api objectName = 'Contact';
    /** This object's rows: [{key, id, objectName, salesforceField, exchangeField}] */
    @api mappings = [];
    /** Salesforce fields of this object: [{value, label}] */
    @api salesforceFieldOptions = [];

    get title() {
        return `${this.objectName} Field Mappings`;
    }

    get addLabel() {
        return `Add ${this.objectName} Mapping`;
    }

    get hasRows() {
        return this.rows.length > 0;
    }

    get rows() {
        const exchangeOptions = EXCHANGE_FIELDS[this.objectName] || [];
        const salesforceOptions = this.salesforceFieldOptions || [];
        return (this.mappings || []).map((mapping, index) => {
            const number = index + 1;
            // Keep a mapped field that is no longer offered visible, so that it can be changed
            const known =
                !mapping.salesforceField ||
                salesforceOptions.some(
                    (o) => o.value === mapping.salesforceField
                );
            return {
                ...mapping,
                salesforceOptions: known
                    ? salesforceOptions
                    : [
                          {
                              value: mapping.salesforceField,
                              label: mapping.salesforceField
                          },
                          ...salesforceOptions
                      ],
                exchangeOptions,
                salesforceLabel: `Salesforce field, mapping ${number}`,
                exchangeLabel: `Exchange field, mapping ${number}`,
                removeLabel: `Remove mapping ${number}`
            };
        });
    }

    handleAdd() {
        newRowCount += 1;
        this.fireChange([
            ...(this.mappings || []),
            {
                key: `new-${this.objectName}-${newRowCount}`,
                id: null,
                objectName: this.objectName,
                salesforceField: null,
                exchangeField: null
            }
        ]);
    }

    handleRemove(event) {
        const key = event.currentTarget.dataset.key;
        this.fireChange(this.mappings.filter((mapping) => mapping.key !== key));
    }

    handleFieldChange(event) {
        const { key, field } = event.target.dataset;
        const value = event.detail.value;
        this.fireChange(
            this.mappings.map((mapping) => {
                return mapping.key === key
                    ? { ...mapping, [field]: value }
                    : mapping;
            })
        );
    }

    fireChange(mappings) {
        this.dispatchEvent(
            new CustomEvent('mappingschange', {
                detail: { objectName: this.objectName, mappings }
            })
        );
    }
}
