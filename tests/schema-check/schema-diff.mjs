// Compares two schema SDLs with @graphql-inspector/core and splits the breaking changes into the ones
// declared intentional (in schema/breaking-changes.txt) and the rest.
import { buildSchema } from 'graphql';
import { diff, CriticalityLevel } from '@graphql-inspector/core';

/** Declarations: one change a line, as its path (`Query.sirs`) or its whole message; `#` starts a comment. */
export function parseDeclarations(text) {
  return new Set(
    text.split(/\r?\n/)
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter((line) => line.length > 0));
}

export async function compareSchemas(oldSdl, newSdl, declarations = new Set()) {
  const changes = await diff(buildSchema(oldSdl), buildSchema(newSdl));
  const isDeclared = (c) => declarations.has(c.path ?? '') || declarations.has(c.message);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  return {
    changes,
    breaking,
    undeclared: breaking.filter((c) => !isDeclared(c)),
    declared: breaking.filter(isDeclared),
  };
}

export function describe(change) {
  return `${change.criticality.level.padEnd(13)} ${change.type.padEnd(32)} ${change.path ?? ''}  ${change.message}`;
}
