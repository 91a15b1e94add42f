/**
 * The Exchange fields a Salesforce field can be mapped to, per object.
 * Values are the names the middleware reads; labels help the admin.
 */
export const EXCHANGE_FIELDS = {
    Contact: [
        { value: 'givenName', label: 'First Name (givenName)' },
        { value: 'surname', label: 'Last Name (surname)' },
        { value: 'companyName', label: 'Company (companyName)' },
        { value: 'jobTitle', label: 'Job Title (jobTitle)' },
        { value: 'email', label: 'Email (email)' },
        { value: 'email2', label: 'Email 2 (email2)' },
        { value: 'email3', label: 'Email 3 (email3)' },
        { value: 'businessPhone', label: 'Business Phone (businessPhone)' },
        { value: 'mobilePhone', label: 'Mobile Phone (mobilePhone)' },
        { value: 'homePhone', label: 'Home Phone (homePhone)' },
        { value: 'street', label: 'Street (street)' },
        { value: 'city', label: 'City (city)' },
        { value: 'state', label: 'State (state)' },
        { value: 'postalCode', label: 'Postal Code (postalCode)' },
        { value: 'country', label: 'Country (country)' },
        { value: 'notes', label: 'Notes (notes)' }
    ],
    Event: [
        { value: 'subject', label: 'Subject (subject)' },
        { value: 'location', label: 'Location (location)' },
        { value: 'body', label: 'Body (body)' },
        { value: 'start', label: 'Start (start)' },
        { value: 'end', label: 'End (end)' },
        { value: 'isAllDay', label: 'All-Day Event (isAllDay)' },
        { value: 'sensitivity', label: 'Sensitivity (sensitivity)' }
    ]
};
