// Runs the README's walk-through against a running host, as a new user would: the token commands exactly
// as printed, then every GraphQL block marked `<!-- walkthrough: as USER[, USER…][, expect data|id] -->`,
// in order. Checks the modules, Banana Cake Pop, and that every step answers without errors.
//
//   node tests/smoke/readme-walkthrough.mjs URL MODULE_FOLDER...
//
// Prints one line per check and closes with `smoke: N passed, M failed`; exits 1 on any failure.
// Variables: an operation's declared $variables come from the answers before it (the last object that
// had both `id` and `version`), so the README's blocks run unchanged.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [url, ...moduleFolders] = process.argv.slice(2);
if (!url) throw new Error('usage: readme-walkthrough.mjs URL MODULE_FOLDER...');

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `\n     ${detail}`}`);
}

/** The README's marked blocks: { marker, language, body } in document order. */
function walkthroughBlocks(markdown) {
  const blocks = [];
  const pattern = /<!--\s*walkthrough:\s*(.*?)\s*-->\s*\n```(\w+)\n([\s\S]*?)\n```/g;
  for (const m of markdown.matchAll(pattern)) blocks.push({ marker: m[1], language: m[2], body: m[3] });
  return blocks;
}

async function post(query, variables, token) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  let body;
  try { body = JSON.parse(text); } catch { body = { parseError: text.slice(0, 300) }; }
  return { status: response.status, body };
}

/** Every `errors` list inside a payload (mutations answer `errors: []` on success). */
function payloadErrors(value, found = []) {
  if (Array.isArray(value)) value.forEach(v => payloadErrors(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'errors' && Array.isArray(v)) found.push(...v);
      else payloadErrors(v, found);
    }
  }
  return found;
}

function nodeLists(value, found = []) {
  if (Array.isArray(value)) value.forEach(v => nodeLists(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'nodes' && Array.isArray(v)) found.push(v);
      nodeLists(v, found);
    }
  }
  return found;
}

function remember(value, bag) {
  if (Array.isArray(value)) { value.forEach(v => remember(v, bag)); return; }
  if (!value || typeof value !== 'object') return;
  if (typeof value.id === 'string' && typeof value.version === 'number') { bag.id = value.id; bag.version = value.version; }
  Object.values(value).forEach(v => remember(v, bag));
}

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const blocks = walkthroughBlocks(readme);
check('the README has a walk-through (tokens and GraphQL blocks)', blocks.some(b => b.marker === 'tokens') && blocks.some(b => b.language === 'graphql'));

// Modules: every module folder loaded, nothing failed.
const modules = await post('{ modules { id name status error } }');
const list = modules.body?.data?.modules ?? [];
check(`every module is LOADED (${moduleFolders.length} folders under modules/: ${moduleFolders.join(', ')})`,
  list.length === moduleFolders.length && list.every(m => m.status === 'LOADED'), JSON.stringify(modules.body));

// Banana Cake Pop: a browser asking for /graphql gets the IDE.
const ide = await fetch(`${url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
const page = await ide.text();
check('Banana Cake Pop is served at /graphql', ide.status === 200 && page.includes('<base href="/graphql/"'), `${ide.status} ${page.slice(0, 200)}`);

const tokens = {};
const bag = {};
for (const block of blocks) {
  if (block.marker === 'tokens') {
    for (const line of block.body.split('\n').map(l => l.trim()).filter(Boolean)) {
      const user = /--user\s+(\S+)/.exec(line)?.[1];
      let output = '';
      try { output = execFileSync('bash', ['-c', line], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }); } catch (e) { output = ''; }
      const token = output.trim().split('\n').pop() ?? '';
      tokens[user] = token;
      check(`token for ${user}: \`${line}\``, /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token), output.slice(-300));
    }
    continue;
  }
  if (block.language !== 'graphql') continue;
  const [who, expectation] = block.marker.replace(/^as\s+/, '').split(/,\s*expect\s+/);
  const name = /^(?:query|mutation|subscription)\s+(\w+)/m.exec(block.body)?.[1] ?? 'operation';
  const declared = [...block.body.matchAll(/\$(\w+)\s*:/g)].map(m => m[1]);
  for (const user of who.split(',').map(u => u.trim()).filter(Boolean)) {
    const variables = Object.fromEntries(declared.map(v => [v, bag[v]]));
    const { status, body } = await post(block.body, variables, tokens[user]);
    const errors = [...(body.errors ?? []), ...payloadErrors(body.data)];
    let ok = status === 200 && body.data != null && errors.length === 0;
    if (ok && expectation === 'data') ok = nodeLists(body.data).length > 0 && nodeLists(body.data).every(l => l.length > 0);
    if (ok && expectation === 'id') ok = JSON.stringify(body.data).includes(bag.id);
    check(`${name} as ${user}${expectation ? ` (expect ${expectation})` : ''}`, ok, `${status} ${JSON.stringify(body).slice(0, 600)}`);
    remember(body.data, bag);
  }
}

console.log(`smoke: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
