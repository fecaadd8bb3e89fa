// Drives a running host (run.sh starts one): create+submit at 8 and 32 clients, then each read at 1, 4, 16 and
// 32 connections with autocannon, printing throughput, p50, p99, max and errors, and the issue-11 targets.
import autocannon from 'autocannon';

const url = process.env.SENGRAPH_URL;
const author = process.env.AUTHOR_TOKEN;
const reader = process.env.READER_TOKEN;
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const reports = option('--reports', 1500);
const duration = option('--duration', 5);
const connectionCounts = [1, 4, 16, 32];

async function post(query, variables, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: await response.json() };
}

/** Errors of a response: transport or GraphQL errors, or typed payload errors at `payload`. */
function errorsOf({ status, body }, payload) {
  const errors = [...(body.errors ?? []).map(e => e.extensions?.code ?? e.message)];
  if (status !== 200) errors.push(`HTTP ${status}`);
  const typed = payload && body.data?.[payload]?.errors;
  if (typed) errors.push(...typed.map(e => e.code));
  return errors;
}

const rules = await post('{ me { rulesOfBehavior { version } } }', {}, author);
const version = rules.body.data.me.rulesOfBehavior.version;
for (const token of [author, reader]) {
  await post('mutation($v: String!) { acknowledgeRulesOfBehavior(input: { version: $v }) { errors { code } } }', { v: version }, token);
}

const create = `mutation($input: CreateSirInput!) { createSir(input: $input) { sir { id version } errors { code message } } }`;
const submit = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id number } errors { code message } } }`;
async function createAndSubmit(i) {
  const input = {
    title: `Load benchmark arrest ${i}`, category: 'SIGNIFICANT_ARREST', eventAt: new Date(Date.now() - 3600e3).toISOString(),
    eventCity: 'Boston', eventState: 'MA',
    people: [{ role: 'SUSPECT', firstName: 'Juan', lastName: `Perez${i}`, aNumber: 'A012345678', dateOfBirth: '1985-04-12' },
             { role: 'VICTIM', firstName: 'Ana', lastName: 'Gomez' }],
    narratives: [{ heading: 'Incident', text: 'Arrested after a controlled delivery.' }],
  };
  const created = await post(create, { input }, author);
  const createErrors = errorsOf(created, 'createSir');
  if (createErrors.length) return createErrors;
  const sir = created.body.data.createSir.sir;
  return errorsOf(await post(submit, { input: { id: sir.id, expectedVersion: sir.version } }, author), 'submitReport');
}

async function writers(clients, total) {
  let next = 0, ok = 0;
  const errors = {};
  const latencies = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < total) {
      const i = next++;
      const t = performance.now();
      const found = await createAndSubmit(`${clients}-${i}`).catch(e => [String(e.message ?? e)]);
      latencies.push(performance.now() - t);
      if (found.length === 0) ok++;
      for (const code of found) errors[code] = (errors[code] ?? 0) + 1;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = q => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { clients, total, ok, errors, perSecond: total / seconds, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) };
}

const atThirtyTwo = Math.min(320, Math.floor(reports / 4));
const writes = [await writers(8, reports - atThirtyTwo), await writers(32, atThirtyTwo)];
console.log(`\ncreate+submit (createSir then submitReport, SAC-BOS author; ${reports} SIRs submitted in all)`);
console.log('| clients | SIRs | SIRs/s | p50 ms | p99 ms | max ms | errors |\n| --- | --- | --- | --- | --- | --- | --- |');
for (const w of writes) {
  const errors = Object.entries(w.errors).map(([code, n]) => `${n} ${code}`).join(', ') || '0';
  console.log(`| ${w.clients} | ${w.total} | ${w.perSecond.toFixed(1)} | ${w.p50.toFixed(0)} | ${w.p99.toFixed(0)} | ${w.max.toFixed(0)} | ${errors} |`);
}

const feed = await post('{ irocFeed(first: 1) { nodes { id } } }', {}, reader);
const someId = feed.body.data.irocFeed.nodes[0].id;
const people = 'people { role firstName lastName aNumber dateOfBirth }';
const reads = [
  { name: 'node(id:) with people', token: reader, query: `{ node(id: "${someId}") { ... on Sir { id number title category ${people} } } }` },
  { name: 'irocFeed(first: 50) with people', token: reader, query: `{ irocFeed(first: 50) { nodes { id number title ... on Sir { category ${people} } } } }` },
  { name: 'reports(first: 20, where, order)', token: reader,
    query: '{ reports(first: 20, where: { type: { eq: "SIR" }, status: { eq: SUBMITTED } }, order: [{ submittedAt: DESC }]) { totalCount nodes { id number title submittedAt } } }' },
  { name: '{ __typename } authenticated', token: reader, query: '{ __typename }' },
  { name: '{ __typename } anonymous', token: null, query: '{ __typename }' },
];

console.log(`\nreads as IROC staff (iris), ${duration} s each, autocannon on loopback`);
console.log('| read | connections | req/s | p50 ms | p99 ms | max ms | errors |\n| --- | --- | --- | --- | --- | --- | --- |');
const results = {};
for (const read of reads) {
  const check = await post(read.query, {}, read.token);
  const checkErrors = errorsOf(check);
  if (checkErrors.length) throw new Error(`${read.name} answers errors: ${JSON.stringify(check.body).slice(0, 400)}`);
  const headers = { 'content-type': 'application/json' };
  if (read.token) headers.authorization = `Bearer ${read.token}`;
  for (const connections of connectionCounts) {
    const r = await autocannon({ url, method: 'POST', headers, body: JSON.stringify({ query: read.query }), connections, duration });
    const errors = r.errors + r.timeouts + r.non2xx;
    results[`${read.name}@${connections}`] = r;
    console.log(`| ${read.name} | ${connections} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} | ${errors} |`);
  }
}

const rps = (name, c) => results[`${name}@${c}`].requests.average;
const verdict = ok => (ok ? 'met' : 'MISSED');
console.log('\ntargets (issue 11)');
for (const read of reads.slice(0, 3)) {
  const ratio = rps(read.name, 16) / rps(read.name, 1);
  console.log(`- ${read.name}: 16 connections / 1 = ${ratio.toFixed(2)}x (>= 1.5x): ${verdict(ratio >= 1.5)}`);
}
for (const name of [reads[0].name, reads[2].name]) {
  const p99 = results[`${name}@16`].latency.p99;
  console.log(`- ${name}: p99 at 16 connections ${p99} ms (< 50 ms): ${verdict(p99 < 50)}`);
}
const feedRps = rps(reads[1].name, 16);
console.log(`- ${reads[1].name}: ${feedRps.toFixed(0)} req/s at 16 connections (>= 500): ${verdict(feedRps >= 500)}`);
const writeErrors = writes.reduce((n, w) => n + Object.values(w.errors).reduce((a, b) => a + b, 0), 0);
console.log(`- concurrent submissions: ${writeErrors} errors (0): ${verdict(writeErrors === 0)}`);
const authRatio = rps(reads[3].name, 16) / rps(reads[4].name, 16);
console.log(`- { __typename } authenticated / anonymous at 16 connections = ${authRatio.toFixed(2)} (>= 0.7): ${verdict(authRatio >= 0.7)}`);
