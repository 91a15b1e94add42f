import { LightningElement, api } from 'lwc';
import { OPERATOR_OPTIONS, newFilterRow } from './contactFilterJson';

export {
    FILTER_FIELD_REQUIRED,
    FILTER_UNREADABLE,
    parseContactFilter,
    serializeContactFilter
} from './contactFilterJson';

/**
 * The contact field filters of a configuration: rows of Contact field,
 * operator and value that can be added and removed; a contact syncs to
 * Exchange only when all of them hold.
 * Fires "filterschange" with detail {filters}.
 */
export default class ExchangeSyncContactFilters extends LightningElement {
    /** The rows: [{key, field, operator, value}] */
    @api filters = [];
    /** Contact fields: [{value, label}] */
    @api fieldOptions = [];

    get hasRows() {
        return (this.filters || []).length > 0;
    }

    get rows() {
        const fieldOptions = this.fieldOptions || [];
        return (this.filters || []).map((filter, index) => {
            const number = index + 1;
            // Keep a stored field that is not offered visible, so that it can be changed
            const known =
                !filter.field ||
                fieldOptions.some((option) => option.value === filter.field);
            return {
                ...filter,
                fieldOptions: known
                    ? fieldOptions
                    : [
                          { value: filter.field, label: filter.field },
                          ...fieldOptions
                      ],
                operatorOptions: OPERATOR_OPTIONS,
                fieldLabel: `Contact field, filter ${number}`,
                operatorLabel: `Operator, filter ${number}`,
                valueLabel: `Value, filter ${number}`,
                removeLabel: `Remove filter ${number}`
            };
        });
    }

    handleAdd() {
        this.fireChange([...(this.filters || []), newFilterRow()]);
    }

    handleRemove(event) {
        const key = event.currentTarget.dataset.key;
        this.fireChange(this.filters.filter((filter) => filter.key !== key));
    }

    handleFieldChange(event) {
        const { key, field } = event.target.dataset;
        const value = event.detail.value;
        this.fireChange(
            this.filters.map((filter) => {
                return filter.key === key
                    ? { ...filter, [field]: value }
                    : filter;
            })
        );
    }

    fireChange(filters) {
        this.dispatchEvent(
            new CustomEvent('filterschange', { detail: { filters } })
        );
    }
}
