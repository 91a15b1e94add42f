// The preview server: each admin page in a Lightning Experience-like frame
// (the Exchange Sync app's header and tabs), the bundle built by build.mjs,
// the Lightning Design System's assets, and POST /apex/<Class.method>,
// answered by fakeOrg.mjs from the Jest fixtures.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ApexError, createOrg } from './fakeOrg.mjs';
import { PAGES, TABS } from './pages.mjs';

const TYPES = {
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.json': 'application/json'
};

function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function frame(page) {
    const tabs = TABS.map((tab) => {
        const active = tab.label === page.tab ? ' slds-is-active' : '';
        const current = active ? ' aria-current="page"' : '';
        return `<li class="slds-context-bar__item${active}"><a href="${tab.path}" class="slds-context-bar__label-action" title="${tab.label}"${current}><span class="slds-truncate">${tab.label}</span></a></li>`;
    }).join('');
    const data = [`data-page="${page.component}"`, `data-scenario="${page.scenario}"`];
    if (page.configurationId) {
        data.push(`data-configuration-id="${page.configurationId}"`);
    }
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(page.title)} | Salesforce</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<style>
body { background: #b0c4df; min-height: 100vh; }
/* Static, not fixed: full-page screenshots would repeat a fixed header mid-page */
.slds-global-header_container { position: static; }
.preview-body { position: relative; padding: 0.75rem; }
.preview-body .slds-brand-band { position: absolute; inset: 0; z-index: 0; }
#page { position: relative; z-index: 1; }
</style>
</head>
<body ${data.join(' ')}>
<header class="slds-global-header_container">
  <div class="slds-global-header slds-grid slds-grid_align-spread">
    <div class="slds-global-header__item"><div class="slds-global-header__logo"><span class="slds-assistive-text">Salesforce</span></div></div>
    <div class="slds-global-header__item slds-text-color_weak">Preview outside an org: Apex answers come from the Jest fixtures</div>
    <div class="slds-global-header__item"></div>
  </div>
  <div class="slds-context-bar">
    <div class="slds-context-bar__primary">
      <div class="slds-context-bar__item slds-context-bar__dropdown-trigger slds-no-hover">
        <div class="slds-context-bar__icon-action"><span class="slds-icon_container slds-icon-utility-apps"><svg class="slds-icon slds-icon_small slds-icon-text-default" aria-hidden="true"><use href="/assets/icons/utility-sprite/svg/symbols.svg#apps"></use></svg></span></div>
        <span class="slds-context-bar__label-action slds-context-bar__app-name"><span class="slds-truncate" title="Exchange Sync">Exchange Sync</span></span>
      </div>
    </div>
    <nav class="slds-context-bar__secondary" role="navigation"><ul class="slds-grid">${tabs}</ul></nav>
  </div>
</header>
<main class="preview-body">
  <div class="slds-brand-band slds-brand-band_medium"></div>
  <div id="page"></div>
</main>
<script type="module" src="/app/main.js"></script>
</body>
</html>`;
}

function indexPage(baseUrl) {
    const rows = PAGES.map((page) => `<li class="slds-item"><a href="${page.path}">${escapeHtml(page.title)}</a> <span class="slds-text-color_weak">${baseUrl}${page.path}</span></li>`).join('');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Exchange Sync pages</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css"></head>
<body class="slds-p-around_large"><h1 class="slds-text-heading_medium slds-m-bottom_small">Exchange Sync admin pages (preview)</h1>
<ul class="slds-has-dividers_bottom-space">${rows}</ul></body></html>`;
}

/**
 * Sends a file, or 304 when the browser's copy is current: the bundle is a
 * few megabytes, and a cached copy also spares Chromium compiling it again
 * on every page. no-cache: always asked again, so a rebuild shows at once.
 */
function sendFile(request, response, file) {
    if (!existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
    }
    const modified = statSync(file).mtime.toUTCString();
    const headers = { 'Cache-Control': 'no-cache', 'Last-Modified': modified };
    if (request.headers['if-modified-since'] === modified) {
        response.writeHead(304, headers).end();
        return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    createReadStream(file).pipe(response);
}

/** A path under root, or null when the request tries to leave it */
function inside(root, requestPath) {
    const file = path.resolve(root, `.${decodeURIComponent(requestPath)}`);
    return file.startsWith(root + path.sep) ? file : null;
}

async function answerApex(orgs, method, request, response) {
    let body = '';
    for await (const chunk of request) {
        body += chunk;
    }
    const send = (status, answer) => {
        response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
    };
    try {
        const { scenario, params } = JSON.parse(body || '{}');
        const org = await orgs(scenario === 'graph' ? 'graph' : 'ews');
        if (!org[method]) {
            send(404, { message: `The preview has no answer for Apex method ${method}.` });
            return;
        }
        send(200, { value: await org[method](params || {}) });
    } catch (error) {
        send(error instanceof ApexError ? 400 : 500, { message: error.message });
    }
}

/**
 * Starts the server.
 * @param {{appDir: string, assetsDir: string, lwcDir: string, port?: number, host?: string}} options
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function startServer({ appDir, assetsDir, lwcDir, port = 0, host = '127.0.0.1' }) {
    const cache = new Map();
    const orgs = (scenario) => {
        if (!cache.has(scenario)) {
            cache.set(scenario, createOrg(lwcDir, scenario));
        }
        return cache.get(scenario);
    };
    const server = createServer((request, response) => {
        const url = new URL(request.url, 'http://preview');
        const route = url.pathname.replace(/\/$/, '') || '/';
        if (request.method === 'POST' && route.startsWith('/apex/')) {
            answerApex(orgs, route.slice('/apex/'.length), request, response);
            return;
        }
        if (route.startsWith('/app/') || route.startsWith('/assets/')) {
            const [root, rest] = route.startsWith('/app/')
                ? [appDir, route.slice('/app'.length)]
                : [assetsDir, route.slice('/assets'.length)];
            const file = inside(root, rest);
            if (file) {
                sendFile(request, response, file);
            } else {
                response.writeHead(403).end();
            }
            return;
        }
        if (route === '/favicon.ico') {
            response.writeHead(204).end();
            return;
        }
        const page = PAGES.find((candidate) => candidate.path === route);
        const html = page ? frame(page) : route === '/' ? indexPage(`http://${request.headers.host}`) : null;
        if (!html) {
            response.writeHead(404, { 'Content-Type': 'text/plain' }).end('No such page');
            return;
        }
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(html);
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, resolve);
    });
    const url = `http://${host}:${server.address().port}`;
    return {
        url,
        close: () => new Promise((resolve) => server.close(() => resolve()))
    };
}
