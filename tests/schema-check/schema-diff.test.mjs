import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSchemas, parseDeclarations } from './schema-diff.mjs';

const before = 'type Query { sir(id: ID!): Sir  sirs: [Sir!]! }\ntype Sir { id: ID! title: String }';

test('a removed field is a breaking change nobody declared', async () => {
  const result = await compareSchemas(before, 'type Query { sirs: [Sir!]! }\ntype Sir { id: ID! title: String }');
  assert.deepEqual(result.undeclared.map((c) => c.path), ['Query.sir']);
});

test('a breaking change declared by its path passes', async () => {
  const declarations = parseDeclarations('# removed after a year of deprecation\nQuery.sir   # see the changelog\n');
  const result = await compareSchemas(before, 'type Query { sirs: [Sir!]! }\ntype Sir { id: ID! title: String }', declarations);
  assert.equal(result.undeclared.length, 0);
  assert.deepEqual(result.declared.map((c) => c.path), ['Query.sir']);
});

test('an added field and a new type are not breaking', async () => {
  const result = await compareSchemas(before,
    'type Query { sir(id: ID!): Sir  sirs: [Sir!]!  spot: Spot }\ntype Sir { id: ID! title: String summary: String }\ntype Spot { id: ID! }');
  assert.equal(result.breaking.length, 0);
  assert.ok(result.changes.length >= 3);
});

test('making a nullable field non-null in an input is breaking, and a changed field type is too', async () => {
  const result = await compareSchemas(
    'type Query { a(x: Int): Int  b: String }', 'type Query { a(x: Int!): Int  b: Int }');
  assert.deepEqual(result.undeclared.map((c) => c.path).sort(), ['Query.a.x', 'Query.b']);
});
