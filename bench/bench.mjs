// Drives a running host (run.sh starts one on a generated database): each scenario of issue 20 with autocannon, and per
// scenario the SQL commands and bytes allocated per request and the working set, from the host's /_bench/counters.
// Prints a table and writes bench/results/<time>.json.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
const require = createRequire(new URL('./load/package.json', import.meta.url));
const autocannon = require('autocannon');

const url = process.env.SENGRAPH_URL;
const countersUrl = process.env.SENGRAPH_COUNTERS;
const author = process.env.AUTHOR_TOKEN;
const reader = process.env.READER_TOKEN;
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = option('--duration', 5);
const connections = option('--connections', 32);
const subscribers = option('--subscribers', 1000);
const baselineUrl = process.env.BASELINE_URL;
// --reads-only (run.sh --growth): the read scenarios only, no mutations, fan-out or baseline; the result goes to $BENCH_OUT.
const readsOnly = process.argv.includes('--reads-only');

async function post(query, variables, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: await response.json() };
}
const counters = async () => (await fetch(countersUrl)).json();
const errorsOf = ({ status, body }, payload) => {
  const errors = [...(body.errors ?? []).map(e => e.extensions?.code ?? e.message)];
  if (status !== 200) errors.push(`HTTP ${status}`);
  const typed = payload && body.data?.[payload]?.errors;
  if (typed) errors.push(...typed.map(e => e.code));
  return errors;
};

const rules = await post('{ me { rulesOfBehavior { version } } }', {}, author);
const version = rules.body.data.me.rulesOfBehavior.version;
for (const token of [author, reader]) {
  await post('mutation($v: String!) { acknowledgeRulesOfBehavior(input: { version: $v }) { errors { code } } }', { v: version }, token);
}

// Page 200 of the IROC feed (or the last page there is) through cursors, 50 a page.
const people = 'people { role firstName lastName aNumber dateOfBirth }';
const feedPage = `query($after: String) { irocFeed(first: 50, after: $after) {
  pageInfo { hasNextPage endCursor } nodes { id number title submittedAt ${people} } } }`;
let after = null, page = 1;
const first = await post(feedPage, {}, reader);
if (errorsOf(first).length) throw new Error(JSON.stringify(first.body).slice(0, 400));
let info = first.body.data.irocFeed.pageInfo;
const someId = first.body.data.irocFeed.nodes[0].id;
while (page < 200 && info.hasNextPage) {
  after = info.endCursor;
  info = (await post(feedPage, { after }, reader)).body.data.irocFeed.pageInfo;
  page++;
}

const scenarios = [
  { name: 'irocFeed page 1 (50, people)', key: 'feed1', token: reader, query: feedPage, variables: {} },
  { name: `irocFeed page ${page} (cursors)`, key: 'feedDeep', token: reader, query: feedPage, variables: { after } },
  { name: 'analyst query (sirs, totalCount)', key: 'analyst', token: reader, query: `{ sirs(first: 20, where: { status: { eq: SUBMITTED },
      category: { eq: SIGNIFICANT_ARREST }, submittedAt: { gte: "2020-01-01T00:00:00Z", lt: "2030-01-01T00:00:00Z" } },
      order: [{ submittedAt: DESC }]) { totalCount nodes { id number title submittedAt eventCity } } }` },
  { name: 'node(id:)', key: 'node', token: reader, query: `{ node(id: "${someId}") { id ... on Report { number title status submittedAt ${people} } } }` },
  { name: 'myQueue unread', token: reader, query: '{ myQueue(first: 20, where: { readAt: { eq: null } }) { totalCount nodes { queuedAt report { id number title } } } }' },
  // The same two without totalCount: the page alone, which indexes keep flat, apart from the count of every match, which grows with them.
  { name: 'analyst query (sirs, page only)', key: 'analystPage', token: reader, query: `{ sirs(first: 20, where: { status: { eq: SUBMITTED },
      category: { eq: SIGNIFICANT_ARREST }, submittedAt: { gte: "2020-01-01T00:00:00Z", lt: "2030-01-01T00:00:00Z" } },
      order: [{ submittedAt: DESC }]) { nodes { id number title submittedAt eventCity } } }` },
  { name: 'myQueue unread (page only)', token: reader, query: '{ myQueue(first: 20, where: { readAt: { eq: null } }) { nodes { queuedAt report { id number title } } } }' },
];

const rows = [];
const summary = r => ({ rps: r.requests.average, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max,
  errors: r.errors + r.timeouts + r.non2xx, requests: r.requests.total });
async function measure(s, bench) {
  const check = await post(s.query, s.variables, s.token);
  if (errorsOf(check).length) throw new Error(`${s.name} answers errors: ${JSON.stringify(check.body).slice(0, 400)}`);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${s.token}` };
  if (bench) headers['x-sengraph-bench'] = bench.header;
  const before = await counters();
  const r = await autocannon({ url, method: 'POST', connections, duration, body: JSON.stringify({ query: s.query, variables: s.variables }), headers });
  const afterCounters = await counters();
  const n = Math.max(1, r.requests.total);
  rows.push({
    scenario: bench ? `${s.name}, ${bench.label}` : s.name, key: bench ? `${s.key}:${bench.header}` : s.key, connections, ...summary(r),
    sqlPerRequest: (afterCounters.requestSqlCommands - before.requestSqlCommands) / n,
    otherSqlPerRequest: (afterCounters.sqlCommands - afterCounters.requestSqlCommands - before.sqlCommands + before.requestSqlCommands) / n,
    kbAllocatedPerRequest: (afterCounters.allocatedBytes - before.allocatedBytes) / n / 1024,
    workingSetMb: afterCounters.workingSetBytes / 1048576,
  });
}
// Warm-up, not recorded: the JIT compiles the host's paths during the first requests of each read, and the first scenario
// measured used to carry it (the feed's page 1 at 137 req/s, 367 when read again later in the same run: bench/RESULTS.md).
for (const s of scenarios) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${s.token}` };
  await autocannon({ url, method: 'POST', connections, duration: Math.min(duration, 2), body: JSON.stringify({ query: s.query, variables: s.variables }), headers });
}
for (const s of scenarios) await measure(s);

// What the audit of views and the authorization rule cost, separately (issue 20 item 3): the feed's first page and node
// again with the host's Development-only bench switches (run.sh starts it with Bench__Switches=true; the header
// X-SenGraph-Bench asks it to skip the audit of the request's views, the authorization rule's walk, or both).
const switches = [
  { label: 'audit of views off', header: 'no-view-audit' },
  { label: 'authorization rule off', header: 'no-authorization-rule' },
  { label: 'both off', header: 'no-view-audit,no-authorization-rule' },
];
const costs = [];
// Measured right next to each other (the plain read again, then each switch), so a machine whose load changes during the
// run does not show up as a cost: the plain read's first row also carried the warm-up.
const again = { label: 'again, next to the switched rows', header: '' };
for (const s of scenarios.filter(x => x.key === 'feed1' || x.key === 'node')) {
  await measure({ ...s, key: `${s.key}:again` }, null);
  rows.at(-1).scenario = `${s.name}, ${again.label}`;
  for (const bench of switches) await measure(s, bench);
  const rps = key => rows.find(r => r.key === key).rps;
  costs.push({ scenario: s.name, full: rps(`${s.key}:again`), ...Object.fromEntries(switches.map(b => [b.header, rps(`${s.key}:${b.header}`)])) });
}

// Create + submit of a SIR at 1, 8 and 32 clients: every request must succeed.
const create = `mutation($input: CreateSirInput!) { createSir(input: $input) { sir { id version } errors { code message } } }`;
const submit = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id number } errors { code message } } }`;
async function createAndSubmit(i) {
  const input = { title: `Bench arrest ${i}`, category: 'SIGNIFICANT_ARREST', eventAt: new Date(Date.now() - 3600e3).toISOString(),
    eventCity: 'Boston', eventState: 'MA', people: [{ role: 'SUSPECT', firstName: 'Juan', lastName: `Perez${i}`, dateOfBirth: '1985-04-12' }],
    narratives: [{ heading: 'Incident', text: 'Fictional benchmark report.' }] };
  const created = await post(create, { input }, author);
  const errors = errorsOf(created, 'createSir');
  if (errors.length) return errors;
  const sir = created.body.data.createSir.sir;
  return errorsOf(await post(submit, { input: { id: sir.id, expectedVersion: sir.version } }, author), 'submitReport');
}
for (const clients of readsOnly ? [] : [1, 8, 32]) {
  const total = clients * 4, latencies = [];
  let next = 0, errors = 0;
  const before = await counters();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < total) {
      const i = next++, t = performance.now();
      errors += (await createAndSubmit(`${clients}-${i}`).catch(e => [String(e)])).length;
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - t0) / 1000, afterCounters = await counters();
  latencies.sort((a, b) => a - b);
  const at = q => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  rows.push({ scenario: 'create+submit SIR', connections: clients, rps: total / seconds, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: latencies.at(-1),
    errors, requests: total * 2, sqlPerRequest: (afterCounters.requestSqlCommands - before.requestSqlCommands) / (total * 2),
    otherSqlPerRequest: (afterCounters.sqlCommands - afterCounters.requestSqlCommands - before.sqlCommands + before.requestSqlCommands) / (total * 2),
    kbAllocatedPerRequest: (afterCounters.allocatedBytes - before.allocatedBytes) / (total * 2) / 1024, workingSetMb: afterCounters.workingSetBytes / 1048576 });
}

// The live fan-out: --subscribers WebSocket clients on reportSubmitted, one submission (fanout.mjs).
let fanout = null;
if (subscribers > 0 && !readsOnly) {
  const out = execFileSync(process.execPath, [new URL('./fanout.mjs', import.meta.url).pathname, '--subscribers', String(subscribers)],
    { env: process.env, encoding: 'utf8', maxBuffer: 1 << 24 });
  fanout = JSON.parse(out.trim().split('\n').at(-1));
}

// The raw ASP.NET Core + EF Core baseline (bench/Baseline) on the same database, after SenGraph: the same reads, the same JSON.
const baseline = [];
if (baselineUrl && !readsOnly) {
  const postBaseline = async (path, body) => (await fetch(`${baselineUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
  let deepAfter = null;
  let info = (await postBaseline('/feed', { first: 50 })).data.irocFeed.pageInfo;
  for (let p = 1; p < page && info.hasNextPage; p++) {
    deepAfter = info.endCursor;
    info = (await postBaseline('/feed', { first: 50, after: deepAfter })).data.irocFeed.pageInfo;
  }
  const requests = { feed1: ['/feed', { first: 50 }], feedDeep: ['/feed', { first: 50, after: deepAfter }], analyst: ['/analyst', {}], node: ['/node', { id: someId }] };
  for (const [key, [path, body]] of Object.entries(requests)) {
    const r = await autocannon({ url: `${baselineUrl}${path}`, method: 'POST', connections, duration, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const sengraph = rows.find(x => x.key === key);
    baseline.push({ key, scenario: sengraph.scenario, connections, ...summary(r), ratio: sengraph.rps / r.requests.average });
  }
}

const end = await counters();
const result = {
  at: new Date().toISOString(), feedDeepPage: page, machine: process.env.MACHINE, reports: Number(process.env.SEED_REPORTS),
  seedSeconds: Number(process.env.SEED_SECONDS), coldStartSeconds: Number(process.env.COLD_START_SECONDS),
  startup: process.env.STARTUP_LINE?.trim(), startupModules: process.env.STARTUP_MODULES?.trim(),
  coldStartOneModuleSeconds: Number(process.env.COLD_START_ONE_SECONDS), startupOneModule: process.env.STARTUP_ONE_LINE?.trim(),
  startupOneModuleModules: process.env.STARTUP_ONE_MODULES?.trim(),
  peakWorkingSetMb: end.peakWorkingSetBytes / 1048576, duration, rows, costs, fanout, baseline,
  machineAtEnd: (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
};
console.log(`machine: ${result.machine}`);
console.log(`seed generate --reports ${result.reports}: ${result.seedSeconds.toFixed(1)} s (${(result.reports / result.seedSeconds).toFixed(0)} reports/s, start-up included)`);
console.log(`cold start to first answered query: ${result.coldStartSeconds.toFixed(2)} s; ${result.startup ?? 'no StartupTimings line'}`);
console.log(`  ${result.startupModules ?? ''}`);
console.log(`cold start with the SIR module only: ${result.coldStartOneModuleSeconds.toFixed(2)} s; ${result.startupOneModule ?? 'no StartupTimings line'}`);
console.log(`  ${result.startupOneModuleModules ?? ''}`);
console.log(`peak working set: ${result.peakWorkingSetMb.toFixed(0)} MB; load average at the end ${result.machineAtEnd}\n`);
console.log('| scenario | conns | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | SQL/req | other SQL/req | KB alloc/req | WS MB |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const f = (x, d = 0) => Number(x).toFixed(d);
for (const r of rows)
  console.log(`| ${r.scenario} | ${r.connections} | ${f(r.rps, 1)} | ${f(r.p50)} | ${f(r.p90)} | ${f(r.p99)} | ${f(r.max)} | ${r.errors} | ${f(r.sqlPerRequest, 1)} | ${f(r.otherSqlPerRequest, 1)} | ${f(r.kbAllocatedPerRequest)} | ${f(r.workingSetMb)} |`);
if (costs.length) {
  console.log('\nWhat the audit of views and the authorization rule cost (share of the time per request: 1 - req/s with all / req/s without):\n');
  console.log('| scenario | req/s | audit of views off | authorization rule off | both off | audit share | rule share | both share |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const share = (full, without) => `${f(100 * (1 - full / without))}%`;
  for (const c of costs) {
    const [a, z, b] = switches.map(x => c[x.header]);
    console.log(`| ${c.scenario} | ${f(c.full, 1)} | ${f(a, 1)} | ${f(z, 1)} | ${f(b, 1)} | ${share(c.full, a)} | ${share(c.full, z)} | ${share(c.full, b)} |`);
  }
}
if (baseline.length) {
  console.log('\nBaseline (raw ASP.NET Core + EF Core, same database, same JSON; no GraphQL, audit or authorization), after SenGraph:\n');
  console.log('| scenario | conns | baseline req/s | p50 ms | p99 ms | errors | SenGraph/baseline throughput |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const b of baseline) console.log(`| ${b.scenario} | ${b.connections} | ${f(b.rps, 1)} | ${f(b.p50)} | ${f(b.p99)} | ${b.errors} | ${f(b.ratio, 2)} |`);
}
if (fanout) {
  console.log(`\nfan-out: ${fanout.subscribers} reportSubmitted subscribers (${fanout.connected} sockets acknowledged in ${f(fanout.connectSeconds, 1)} s); `
    + `one submission delivered to ${fanout.delivered}, ${fanout.failures} failures; submitReport answered in ${f(fanout.submitMs)} ms; `
    + `deliveries from the submission's start: first ${f(fanout.firstDeliveryMs)} ms, p50 ${f(fanout.p50DeliveryMs)} ms, p99 ${f(fanout.p99DeliveryMs)} ms, last ${f(fanout.lastDeliveryMs)} ms`);
}
const file = process.env.BENCH_OUT ? new URL(`file://${process.env.BENCH_OUT}`) : new URL(`./results/${result.at.replace(/[:.]/g, '-')}.json`, import.meta.url);
writeFileSync(file, JSON.stringify(result, null, 2));
console.log(`\nwritten: ${file.pathname}`);
