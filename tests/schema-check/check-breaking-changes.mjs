// CI step: compares schema/schema.graphql with the previous commit's (or SCHEMA_BASE's) and fails on a
// breaking change that schema/breaking-changes.txt does not declare. Prints every change either way.
// Usage: node check-breaking-changes.mjs [COUNTS_FILE]   (writes passed=/failed= for .ci/run)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareSchemas, describe, parseDeclarations } from './schema-diff.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const schemaPath = 'schema/schema.graphql';
const declarationsPath = resolve(root, 'schema/breaking-changes.txt');
const base = process.env.SCHEMA_BASE || 'HEAD~1';
const countsFile = process.argv[2];

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
function finish(passed, failed, skipped = 0) {
  if (countsFile) writeFileSync(countsFile, `passed=${passed}\nfailed=${failed}\nskipped=${skipped}\n`);
  process.exit(failed > 0 ? 1 : 0);
}

let baseCommit;
try {
  baseCommit = git('rev-parse', '--verify', `${base}^{commit}`).trim();
} catch {
  console.log(`schema check: no commit ${base} in this clone (a shallow or first commit): nothing to compare with`);
  finish(0, 0, 1);
}

let oldSdl;
try {
  oldSdl = git('show', `${baseCommit}:${schemaPath}`);
} catch {
  console.log(`schema check: ${schemaPath} does not exist at ${base} (${baseCommit.slice(0, 10)}): every type is new`);
  finish(1, 0);
}
const newSdl = readFileSync(resolve(root, schemaPath), 'utf8');
const declarations = existsSync(declarationsPath) ? parseDeclarations(readFileSync(declarationsPath, 'utf8')) : new Set();

const { changes, undeclared, declared } = await compareSchemas(oldSdl, newSdl, declarations);
console.log(`schema check: ${schemaPath} at ${base} (${baseCommit.slice(0, 10)}) -> working tree: ${changes.length} change(s)`);
for (const change of changes) console.log(`  ${describe(change)}`);
for (const change of declared) console.log(`  declared intentional: ${change.path ?? change.message}`);
if (undeclared.length > 0) {
  console.log(`schema check: ${undeclared.length} breaking change(s) not declared in schema/breaking-changes.txt:`);
  for (const change of undeclared) console.log(`  ${change.path ?? ''}  ${change.message}`);
  console.log('Deprecate with a reason before removing; if the break is intended, add its path to schema/breaking-changes.txt.');
  finish(0, 1);
}
finish(1, 0);
