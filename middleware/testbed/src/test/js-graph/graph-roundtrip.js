'use strict';
// Drives the Microsoft Graph test bed with Microsoft's JavaScript Graph client
// (@microsoft/microsoft-graph-client), as a new user of Exchange Online would:
// a token by the client credentials grant, a contact folder and a contact with
// an extended property found again by a filter, a weekly series read through
// calendarView in a preferred zone, a paged contacts delta, a batch, and a
// refusal read as the client's GraphError. Prints "OK …" and exits 0, or says
// what failed and exits 1.
// Environment: GRAPH_URL, TENANT_ID, CLIENT_ID, CLIENT_SECRET, MAILBOX.
const { Client, HTTPMessageHandler } = require('@microsoft/microsoft-graph-client');

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};
const GRAPH_URL = env('GRAPH_URL');
const MAILBOX = env('MAILBOX');
const PROPERTY = "String {c11ff724-aa03-4555-9952-8fa248a11c3e} Name SalesforceId";

function check(condition, what) {
  if (!condition) {
    throw new Error(`FAILED: ${what}`);
  }
}

async function token() {
  const response = await fetch(`${GRAPH_URL}/${env('TENANT_ID')}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials', client_id: env('CLIENT_ID'), client_secret: env('CLIENT_SECRET'),
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const body = await response.json();
  check(response.ok, `token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
  return body.access_token;
}

async function main() {
  const access = await token();
  // The library's AuthenticationHandler sends the token to https:// Graph hosts only and strips it elsewhere; the test
  // bed on loopback speaks http, so a one-line auth step stands in front of the library's own HTTPMessageHandler (URL
  // building, query options, batching and error parsing stay the library's).
  const auth = {
    execute: async (context) => {
      context.options.headers = { ...(context.options.headers || {}), Authorization: `Bearer ${access}` };
      return auth.next.execute(context);
    },
    setNext: (next) => { auth.next = next; },
  };
  auth.setNext(new HTTPMessageHandler());
  const client = Client.initWithMiddleware({ middleware: auth, baseUrl: GRAPH_URL, defaultVersion: 'v1.0' });
  const user = `/users/${MAILBOX}`;

  const folder = await client.api(`${user}/contactFolders`).post({ displayName: 'Salesforce_Sync' });
  check(folder.id && folder.displayName === 'Salesforce_Sync', 'the contact folder was made');
  await client.api(`${user}/contactFolders/${folder.id}/contacts`).post({
    givenName: 'Jo', surname: 'Script', emailAddresses: [{ address: 'jo@script.example.com', name: 'Jo Script' }],
    singleValueExtendedProperties: [{ id: PROPERTY, value: '003JS' }],
  });
  await client.api(`${user}/contactFolders/${folder.id}/contacts`).post({ givenName: 'Al', surname: 'Other' });
  const found = await client.api(`${user}/contactFolders/${folder.id}/contacts`)
    .filter(`singleValueExtendedProperties/Any(ep: ep/id eq '${PROPERTY}' and ep/value eq '003JS')`)
    .expand(`singleValueExtendedProperties($filter=id eq '${PROPERTY}')`).get();
  check(found.value.length === 1 && found.value[0].surname === 'Script', 'the contact is found by its extended property');
  check(found.value[0].singleValueExtendedProperties[0].value === '003JS', 'the extended property reads back');

  const series = await client.api(`${user}/events`).post({
    subject: 'Weekly sync',
    start: { dateTime: '2026-03-02T09:00:00', timeZone: 'W. Europe Standard Time' },
    end: { dateTime: '2026-03-02T09:30:00', timeZone: 'W. Europe Standard Time' },
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
      range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 4 },
    },
  });
  check(series.type === 'seriesMaster', 'the series was made');
  const view = await client.api(`${user}/calendarView`)
    .query({ startDateTime: '2026-03-01T00:00:00Z', endDateTime: '2026-04-30T00:00:00Z' })
    .header('Prefer', 'outlook.timezone="W. Europe Standard Time"').get();
  check(view.value.length === 4, `calendarView shows the 4 occurrences (got ${view.value.length})`);
  check(view.value.every((e) => e.start.dateTime.startsWith(e.start.dateTime.slice(0, 10) + 'T09:00:00')),
    'every occurrence is at 09:00 Berlin time across daylight saving');

  let url = `${user}/contactFolders/${folder.id}/contacts/delta`;
  let seen = 0;
  let pages = 0;
  for (;;) {
    const page = await client.api(url).header('Prefer', 'odata.maxpagesize=1').get();
    pages += 1;
    seen += page.value.length;
    if (page['@odata.deltaLink']) {
      break;
    }
    // The library takes absolute links only when they are https://, as Graph's are; the loopback test bed's are http://.
    url = page['@odata.nextLink'].replace(`${GRAPH_URL}/v1.0`, '');
  }
  check(seen === 2 && pages === 2, `the delta round pages one contact at a time (${seen} in ${pages} pages)`);

  const batch = await client.api('/$batch').post({
    requests: [
      { id: '1', method: 'GET', url: `${user}/contactFolders` },
      { id: '2', method: 'GET', url: `${user}/calendar` },
    ],
  });
  check(batch.responses.length === 2 && batch.responses.every((r) => r.status === 200), 'the batch answers both requests');

  try {
    await client.api('/users/nobody@corp.example.com/contacts').get();
    check(false, 'an unknown user is refused');
  } catch (e) {
    check(e.statusCode === 404 && e.code === 'ErrorInvalidUser', `an unknown user is ErrorInvalidUser (got ${e.statusCode} ${e.code})`);
  }
  console.log('OK @microsoft/microsoft-graph-client: token, contact folder, contacts by extended property, a weekly series'
    + ' in calendarView, a paged delta, a batch and a refusal');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
