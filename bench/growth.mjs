// Growth table (run.sh --growth): the read scenarios' results at each database size, side by side, from the JSON files
// bench.mjs --reads-only wrote (one per size). Prints one table and writes bench/results/growth-<time>.json.
import { readFileSync, writeFileSync } from 'node:fs';

const runs = process.argv.slice(2).map(f => JSON.parse(readFileSync(f, 'utf8'))).sort((a, b) => a.reports - b.reports);
const f = (x, d = 0) => Number(x).toFixed(d);
console.log(runs.map(r => `${r.reports} reports: ${r.machine}`).join('\n'));
console.log('\n| reports | scenario | conns | req/s | p50 ms | p99 ms | errors | SQL/req | KB alloc/req |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const run of runs)
  for (const r of run.rows)
    console.log(`| ${run.reports} | ${r.scenario} | ${r.connections} | ${f(r.rps, 1)} | ${f(r.p50)} | ${f(r.p99)} | ${r.errors} | ${f(r.sqlPerRequest, 1)} | ${f(r.kbAllocatedPerRequest)} |`);
const at = new Date().toISOString();
const file = new URL(`./results/growth-${at.replace(/[:.]/g, '-')}.json`, import.meta.url);
writeFileSync(file, JSON.stringify({ at, runs }, null, 2));
console.log(`\nwritten: ${file.pathname}`);
