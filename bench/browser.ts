/** Browser-side measurements for `npm run bench` (headless Chromium via Playwright). */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { FLOOR_BASE, floorFile } from './builds';
import { median, percentile } from './load';
import { SIGN_IN_CODE_TEST_PATH, signInCodeIssuedSchema } from '../src/contract';
import { chromiumLaunchOptions } from '../e2e/chromium';

/** A painted data row (the console's virtualized rows carry aria-rowindex; spacers do not). */
const ROW = 'tbody tr[aria-rowindex]';

/** Where the bench server is and how to call it. */
interface Auth {
  base: string;
  token: string;
  org: string;
}

interface Options extends Auth {
  deepKeyId: string;
  runs: number;
  /** The built floor app (bench/floor), served at FLOOR_BASE by interception. */
  floorDir: string;
}

/** Serves the floor app at this origin (so it reaches the API without CORS, like the console). */
async function serveFloor(page: Page, o: Options) {
  await page.route(`${o.base}${FLOOR_BASE}**`, async (route) => {
    const { body, contentType } = await floorFile(
      o.floorDir,
      new URL(route.request().url()).pathname,
    );
    await route.fulfill({ status: 200, contentType, body });
  });
}

const floorUrl = (o: Options, region: string) =>
  `${o.base}${FLOOR_BASE}regions/${region}/keys#token=${encodeURIComponent(o.token)}&org=${o.org}`;

/** A one-time sign-in link for `path` (the bench server runs with --test-controls). */
async function signInUrl(o: Auth, path: string): Promise<string> {
  const res = await fetch(`${o.base}${SIGN_IN_CODE_TEST_PATH}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${o.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ organisation: o.org }),
  });
  const { code } = signInCodeIssuedSchema.parse(await res.json());
  return `${o.base}${path}#code=${encodeURIComponent(code)}`;
}

/** Records performance.now() of the first element matching `selector` added to the page. */
function watchFirst(page: Page, selector: string) {
  return page.addInitScript((sel) => {
    const w = window as unknown as { __firstSeen?: number };
    const obs = new MutationObserver(() => {
      if (w.__firstSeen === undefined && document.querySelector(sel)) {
        w.__firstSeen = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(document, { childList: true, subtree: true });
  }, selector);
}

async function firstSeen(page: Page, selector: string): Promise<number> {
  await page.waitForSelector(selector, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __firstSeen?: number }).__firstSeen ?? NaN);
}

async function routeAssets(browser: Browser, o: Options) {
  const routes: Record<string, string> = {
    floor: FLOOR_BASE,
    'sign-in': '/sign-in',
    regions: '/regions',
    'key list': '/regions/nl-02/keys',
    'create key': '/regions/nl-02/keys/new',
    'key overview': `/regions/nl-02/keys/${o.deepKeyId}`,
    'key versions': `/regions/nl-02/keys/${o.deepKeyId}/versions`,
    'key crypto': `/regions/nl-02/keys/${o.deepKeyId}/crypto`,
  };
  const out: Record<string, RouteAssets> = {};
  for (const [name, path] of Object.entries(routes)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (name === 'floor') await serveFloor(page, o);
    const sizes: RouteAssets = {
      js: { raw: 0, gzip: 0 },
      css: { raw: 0, gzip: 0 },
      files: 0,
      scripts: [],
    };
    const pending: Promise<void>[] = [];
    page.on('response', (res) => {
      const type = res.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      pending.push(
        res.body().then(
          (body) => {
            const bucket = type === 'script' ? sizes.js : sizes.css;
            bucket.raw += body.length;
            bucket.gzip += gzipSync(body, { level: 9 }).length;
            sizes.files++;
            if (type === 'script')
              sizes.scripts.push(new URL(res.url()).pathname.replace(/^.*\/assets\//, 'assets/'));
          },
          () => undefined,
        ),
      );
    });
    await page.goto(
      name === 'floor'
        ? floorUrl(o, 'nl-02')
        : name === 'sign-in'
          ? `${o.base}${path}`
          : await signInUrl(o, path),
    );
    // The page is drawn (a heading, or the floor app's first row: its lazy chunks arrived), then
    // the network settles: on a busy machine the entry can run longer than the network-idle
    // window before a chunk is requested.
    await page.locator('h1, tbody tr').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    out[name] = sizes;
    await context.close();
  }
  return out;
}

export interface RouteAssets {
  js: { raw: number; gzip: number };
  css: { raw: number; gzip: number };
  files: number;
  /** The JS files it loaded, as `assets/<name>.js` (the build's chunk names). */
  scripts: string[];
}

/** A plain-DOM page: it fetches `request` and renders up to 40 items as table rows. */
interface Baseline {
  /** Served at `/__bench/<name>`. */
  name: string;
  headings: string[];
  /** JS expression of the API path to fetch (`p` holds the page's hash parameters). */
  request: string;
  /** JS expression of the rows' items from the response `body`. */
  items: string;
  /** JS expression of one item `x`'s cells. */
  cells: string;
}

function baselineHtml(b: Baseline): string {
  const head = b.headings.map((h) => `<th>${h}</th>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>baseline</title></head>
<body><table><thead><tr>${head}</tr></thead><tbody id="rows"></tbody></table>
<script>
const p = new URLSearchParams(location.hash.slice(1));
fetch(${b.request}, { headers: { Authorization: 'Bearer ' + p.get('token'), 'X-Organisation-Identity': p.get('org') } })
  .then((r) => r.json())
  .then((body) => {
    const tbody = document.getElementById('rows');
    for (const x of (${b.items}).slice(0, 40)) {
      const tr = document.createElement('tr');
      tr.setAttribute('aria-rowindex', String(tbody.children.length + 2));
      for (const v of ${b.cells}) {
        const td = document.createElement('td');
        td.textContent = String(v);
        tr.append(td);
      }
      tbody.append(tr);
    }
  });
</script></body></html>`;
}

/** Opens a baseline page at this origin, served by interception so it carries no CSP of the console. */
async function openBaseline(page: Page, o: Auth, b: Baseline, hash = '') {
  const path = `/__bench/${b.name}`;
  await page.route(`${o.base}${path}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: baselineHtml(b) }),
  );
  await page.goto(`${o.base}${path}#token=${encodeURIComponent(o.token)}&org=${o.org}${hash}`);
}

const KEYS_BASELINE: Baseline = {
  name: 'baseline',
  headings: ['Name', 'Identity', 'Type', 'Status'],
  request: "'/v1/kms/nl-01/keys'",
  items: 'body',
  cells: '[x.name, x.identity, x.keyType, x.status]',
};

/** The version history's baseline: the same key, its versions as rows, newest first. */
const VERSIONS_BASELINE: Baseline = {
  name: 'versions-baseline',
  headings: ['Version', 'Status', 'Created'],
  request: "'/v1/kms/nl-02/keys/' + p.get('id')",
  items: 'body.versions.slice().sort((a, b) => b.version - a.version)',
  cells: '[x.version, x.status, x.createdAt]',
};

/** The audit log's baseline: the same first page of `GET /v1/audit`, as rows. */
const AUDIT_BASELINE: Baseline = {
  name: 'audit-baseline',
  headings: ['Time', 'Action', 'Key', 'Region', 'Outcome'],
  request:
    "'/v1/audit?resourceType=kms_key&limit=50&createdBefore=' + encodeURIComponent(new Date().toISOString())",
  items: 'body.items',
  cells: '[x.createdAt, x.action, x.resourceIdentity, x.context.region, x.context.outcome]',
};

/** performance.now() at which the first data row appeared in a fresh page that `open` loads. */
async function timeToFirstRow(browser: Browser, open: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await watchFirst(page, ROW);
    await open(page);
    return await firstSeen(page, ROW);
  } finally {
    await context.close();
  }
}

/** Runs each measurement in turn, `runs` times (alternating, so drift hits all alike): medians. */
async function medians<K extends string>(runs: number, measures: Record<K, () => Promise<number>>) {
  const samples = new Map<K, number[]>();
  for (let i = 0; i < runs; i++) {
    for (const [name, measure] of Object.entries(measures) as [K, () => Promise<number>][]) {
      samples.set(name, [...(samples.get(name) ?? []), await measure()]);
    }
  }
  return (name: K) => median(samples.get(name) ?? []);
}

const openConsole = (o: Auth, path: string) => async (page: Page) =>
  page.goto(await signInUrl(o, path));

/**
 * Cold loads to the first row of the console's `path` beside a baseline page, alternating the two
 * `runs` times: their medians and ratio.
 */
async function againstBaseline(
  browser: Browser,
  o: Auth & { runs: number },
  path: string,
  baseline: Baseline,
  hash = '',
) {
  const ms = await medians(o.runs, {
    console: () => timeToFirstRow(browser, openConsole(o, path)),
    baseline: () => timeToFirstRow(browser, (page) => openBaseline(page, o, baseline, hash)),
  });
  const [c, b] = [ms('console'), ms('baseline')];
  return { consoleMs: round(c), baselineMs: round(b), ratio: round2(c / b) };
}

/** The console's key list, the floor app and a plain-DOM page, each to its first of 10,000 keys. */
async function coldLoad(browser: Browser, o: Options) {
  const ms = await medians(o.runs, {
    floor: () =>
      timeToFirstRow(browser, async (page) => {
        await serveFloor(page, o);
        await page.goto(floorUrl(o, 'nl-01'));
      }),
    console: () => timeToFirstRow(browser, openConsole(o, '/regions/nl-01/keys')),
    baseline: () => timeToFirstRow(browser, (page) => openBaseline(page, o, KEYS_BASELINE)),
  });
  const [c, b, f] = [ms('console'), ms('baseline'), ms('floor')];
  return {
    consoleMs: round(c),
    baselineMs: round(b),
    ratio: round2(c / b),
    floorMs: round(f),
    floorOverBaseline: round2(f / b),
  };
}

/**
 * Runs in the page (kept as source text so the bundler's helpers never leak into it): sets the
 * focused search box's value as a keystroke would, and resolves with the time until the table
 * changed and the next frame was painted.
 */
const TYPE_AND_WAIT_FOR_PAINT = `function (value) {
  var input = document.activeElement;
  var setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  var target = document.querySelector('table') || document.body;
  return new Promise(function (resolve) {
    var t0 = performance.now();
    function done() {
      requestAnimationFrame(function () {
        setTimeout(function () { resolve(performance.now() - t0); }, 0);
      });
    }
    var fallback = setTimeout(function () { obs.disconnect(); done(); }, 1000);
    var obs = new MutationObserver(function () { obs.disconnect(); clearTimeout(fallback); done(); });
    obs.observe(target, { childList: true, subtree: true, characterData: true });
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}`;

/** Keystroke to painted result in the list's search box over 10,000 keys. */
async function search(browser: Browser, o: Options) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(await signInUrl(o, '/regions/nl-01/keys'));
  await page.waitForSelector(ROW, { timeout: 60_000 });
  const box = page.getByRole('searchbox').first();
  await box.focus();
  const samples: number[] = [];
  const queries = [
    'b',
    'be',
    'ben',
    'benc',
    'bench',
    'bench-',
    'bench-1',
    'bench-12',
    'bench-123',
    'bench-1234',
  ];
  for (let run = 0; run < o.runs; run++) {
    for (const q of ['', ...queries, ...[...queries].reverse()]) {
      const ms = await page.evaluate<number>(`(${TYPE_AND_WAIT_FOR_PAINT})(${JSON.stringify(q)})`);
      if (ms < 1000) samples.push(ms);
    }
  }
  await context.close();
  samples.sort((a, b) => a - b);
  return {
    samples: samples.length,
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
  };
}

/**
 * Cold open of the 1,000-version key's version history to its first version row, beside a
 * plain-DOM page fetching the same key and rendering its versions.
 */
function versions(browser: Browser, o: Options) {
  return againstBaseline(
    browser,
    o,
    `/regions/nl-02/keys/${o.deepKeyId}/versions`,
    VERSIONS_BASELINE,
    `&id=${o.deepKeyId}`,
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export async function measureBrowser(o: Options) {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const assets = await routeAssets(browser, o);
    const cold = await coldLoad(browser, o);
    const searchResult = await search(browser, o);
    const versionHistory = await versions(browser, o);
    return {
      routeAssets: assets,
      coldLoadToFirstRow: cold,
      search10000: searchResult,
      versionHistory1000: versionHistory,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Cold load of the Audit page over a large log (seeded by the caller) to its first row, beside a
 * plain-DOM page fetching the same first page: median of `runs`, alternating the two.
 */
export async function measureAuditFirstRow(o: Auth & { runs: number }) {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    return await againstBaseline(browser, o, '/audit', AUDIT_BASELINE);
  } finally {
    await browser.close();
  }
}
