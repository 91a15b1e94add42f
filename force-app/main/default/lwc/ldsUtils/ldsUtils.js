/**
 * Reduces one or more Apex, Lightning Data Service or JavaScript errors into
 * a flat list of error messages.
 * @param {FetchResponse|FetchResponse[]|Error|Error[]} errors
 * @return {String[]} error messages
 */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    return (
        list
            .filter((error) => !!error)
            .map((error) => {
                const body = error.body;
                // UI API read errors
                if (Array.isArray(body)) {
                    return body.map((e) => e.message);
                }
                // Page-level errors of a DML exception
                if (
                    body &&
                    Array.isArray(body.pageErrors) &&
                    body.pageErrors.length > 0
                ) {
                    return body.pageErrors.map((e) => e.message);
                }
                // Field-level errors of a DML exception (validation rules)
                if (
                    body &&
                    body.fieldErrors &&
                    Object.keys(body.fieldErrors).length > 0
                ) {
                    return Object.values(body.fieldErrors).flatMap(
                        (fieldErrors) => fieldErrors.map((e) => e.message)
                    );
                }
                // UI API DML errors
                if (
                    body &&
                    body.output &&
                    Array.isArray(body.output.errors) &&
                    body.output.errors.length > 0
                ) {
                    return body.output.errors.map((e) => e.message);
                }
                // Apex errors (AuraHandledException) and network errors
                if (body && typeof body.message === 'string') {
                    return body.message;
                }
                // JavaScript errors
                if (typeof error.message === 'string') {
                    return error.message;
                }
                // Unknown shapes: the HTTP status text, if any
                return error.statusText;
            })
            // Flatten
            .reduce((messages, message) => messages.concat(message), [])
            // Drop empty messages
            .filter((message) => !!message)
    );
}
