import { LightningElement } from 'lwc';
import ExchangeSyncConfirm from 'c/exchangeSyncConfirm';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import listConfigurations from '@salesforce/apex/ExchangeSyncConfigurationController.listConfigurations';
import deleteConfiguration from '@salesforce/apex/ExchangeSyncConfigurationController.deleteConfiguration';

const ACTIONS = [
    { label: 'Edit', name: 'edit' },
    { label: 'Delete', name: 'delete' }
];

export const COLUMNS = [
    { label: 'Name', fieldName: 'name', type: 'text' },
    { label: 'Active', fieldName: 'active', type: 'boolean', initialWidth: 90 },
    {
        label: 'Description',
        fieldName: 'description',
        type: 'text',
        wrapText: true
    },
    {
        label: 'Users',
        fieldName: 'userCount',
        type: 'number',
        initialWidth: 90
    },
    {
        label: 'Profiles',
        fieldName: 'profileCount',
        type: 'number',
        initialWidth: 100
    },
    { type: 'action', typeAttributes: { rowActions: ACTIONS } }
];

/**
 * Exchange Sync Configurations: the list of configurations, with New, Edit
 * and Delete; New and Edit open the configuration editor.
 */
export default class ExchangeSyncConfigurations extends LightningElement {
    columns = COLUMNS;
    configurations = [];
    isLoading = true;
    error;

    isEditing = false;
    editingId;

    connectedCallback() {
        this.loadConfigurations();
    }

    get hasConfigurations() {
        return this.configurations.length > 0;
    }

    get isEmpty() {
        return (
            !this.isLoading && !this.error && this.configurations.length === 0
        );
    }

    async loadConfigurations() {
        this.isLoading = true;
        try {
            this.configurations = await listConfigurations();
            this.error = undefined;
        } catch (error) {
            this.error = error;
        } finally {
            this.isLoading = false;
        }
    }

    handleNew() {
        this.editingId = undefined;
        this.isEditing = true;
    }

    handleRowAction(event) {
        const { action, row } = event.detail;
        if (action.name === 'edit') {
            this.editingId = row.id;
            this.isEditing = true;
        } else if (action.name === 'delete') {
            this.deleteRow(row);
        }
    }

    async deleteRow(row) {
        const confirmed = await ExchangeSyncConfirm.open({
            size: 'small',
            label: 'Delete Exchange Sync Configuration',
            confirmLabel: 'Delete',
            message: `Delete the configuration "${row.name}"? Its users and profiles stop syncing with its settings at the next sync cycle.`
        });
        if (!confirmed) {
            return;
        }
        this.isLoading = true;
        try {
            await deleteConfiguration({ configurationId: row.id });
            this.dispatchEvent(
                new ShowToastEvent({
                    title: 'Configuration deleted',
                    message: `"${row.name}" was deleted.`,
                    variant: 'success'
                })
            );
        } catch (error) {
            this.error = error;
            this.isLoading = false;
            return;
        }
        await this.loadConfigurations();
    }

    handleEditorSave() {
        this.isEditing = false;
        this.editingId = undefined;
        this.loadConfigurations();
    }

    handleEditorCancel() {
        this.isEditing = false;
        this.editingId = undefined;
    }
}
