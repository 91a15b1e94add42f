// What an @salesforce/apex import is in the preview: a call to the preview
// server, which answers as the Apex controller would (from the fixtures the
// Jest tests use). A refused call rejects like an AuraHandledException:
// {body: {message}, ok: false, status}.

async function call(method, params) {
    const response = await fetch(`/apex/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ scenario: document.body.dataset.scenario, params: params || {} })
    });
    const answer = await response.json();
    if (!response.ok) {
        throw { body: { message: answer.message }, ok: false, status: response.status, statusText: response.statusText };
    }
    return answer.value;
}

export function apexMethod(method) {
    const invoke = (params) => call(method, params);
    // As a wire adapter: {data} or {error}, like @wire(apexMethod) in an org
    invoke.adapter = class {
        constructor(dataCallback) {
            this.dataCallback = dataCallback;
        }
        connect() {}
        disconnect() {}
        update(config) {
            call(method, config).then(
                (data) => this.dataCallback({ data, error: undefined }),
                (error) => this.dataCallback({ data: undefined, error })
            );
        }
    };
    return invoke;
}
