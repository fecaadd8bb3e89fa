// The Secure Communities dashboard (/dashboards/secure-communities, served by the module) in Debian's Chromium, as an
// analyst opens it: files generated and imported with the README's `sc` commands into the running host's database,
// then the page opened with Stella's token (Statistics Analyst, from the `token` command). Proves the charts have data:
// reads Chart.js's datasets back from the page, checks the canvases have non-blank pixels, and the outcome table has
// its rows. Screenshot in the artifacts folder. Fails on any page error or console error.
//
//   node tests/smoke/secure-communities-dashboard.mjs URL ARTIFACTS_DIR
//
// Closes with `dashboard: N passed, M failed`; exits 1 on any failure.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [url, artifacts = path.join(root, 'artifacts', 'dashboard')] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `\n     ${detail}`}`);
  return ok;
}

// --no-build: the README's run command has built the host the page is served by; a second build while it runs would
// rewrite the plugins folder it watches.
function host(...args) {
  return execFileSync('dotnet', ['run', '--no-build', '--project', 'host/SenGraph.Host', '--', ...args],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

const problems = [];
const browser = await chromium.launch({
  executablePath: browserPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const files = mkdtempSync(path.join(tmpdir(), 'sc-dashboard-'));
  host('sc', 'generate', '--transmissions', '2000', '--out', files);
  const imported = host('sc', 'import', '--transmissions', path.join(files, 'transmissions.csv'), '--events', path.join(files, 'events.csv'));
  check('sc import writes the generated files into the running host\'s database', /^Imported: transmissions 2000 read/m.test(imported), imported);
  const stella = host('token', '--user', 'stella', '--roles', 'Statistics Analyst', '--office', 'HQ-ICE').trim().split('\n').pop();

  // Stella acknowledges the Rules of Behavior first, as every user does once every 90 days.
  await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${stella}` },
    body: JSON.stringify({ query: 'mutation { acknowledgeRulesOfBehavior(input: { version: "ICE-ROB-2026.1" }) { errors { code } } }' }),
  });

  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  page.on('console', m => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', e => problems.push(`page error: ${e.message}`));
  page.on('response', r => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`); });
  const scripts = [];
  page.on('request', r => { if (r.resourceType() === 'script') scripts.push(r.url()); });

  await page.goto(`${url}/dashboards/secure-communities?from=2008-10-27&to=2009-04-30#token=${encodeURIComponent(stella)}`);
  const ready = await page.waitForFunction(() => window.scDashboard && window.scDashboard.ready, null, { timeout: 30_000 }).then(() => true, () => false);
  check('the page draws the charts with data fetched from /graphql with the viewer\'s token', ready, await page.locator('#status').textContent());
  await page.screenshot({ path: path.join(artifacts, 'secure-communities-dashboard.png'), fullPage: true });

  check('Chart.js is served by the module, not a CDN', scripts.length > 0 && scripts.every(s => s.startsWith(url)), scripts.join(' '));
  const datasets = await page.evaluate(() => Object.fromEntries(Object.entries(window.scDashboard.charts).map(([id, chart]) =>
    [id, chart.data.datasets.map(d => ({ label: d.label, sum: d.data.reduce((a, b) => a + b, 0) }))])));
  const transmissions = datasets.transmissions?.find(d => d.label === 'Transmissions')?.sum ?? 0;
  check('the transmissions chart holds the 2000 imported transmissions (or more)', transmissions >= 2000, JSON.stringify(datasets));
  const matches = (datasets.matches ?? []).reduce((a, d) => a + d.sum, 0);
  check('the matches-by-level chart holds every match', matches > 0 && matches === datasets.transmissions?.find(d => d.label === 'IDENT matches')?.sum, JSON.stringify(datasets));
  const inked = await page.evaluate(() => ['transmissions', 'matches'].map(id => {
    const canvas = document.getElementById(id);
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let coloured = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] > 0 && !(pixels[i] > 240 && pixels[i + 1] > 240 && pixels[i + 2] > 240)) coloured++;
    return coloured;
  }));
  check('both canvases have drawn (non-blank) pixels', inked.every(n => n > 1000), JSON.stringify(inked));
  const rows = await page.locator('#outcomes tbody tr').count();
  check('the outcome table beneath has its 14 rows', rows === 14, String(rows));
  check('no page or console errors', problems.length === 0, problems.join('\n     '));
} catch (e) {
  check('the dashboard check ran to its end', false, String(e && e.stack || e));
} finally {
  await browser.close();
}
console.log(`dashboard: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
