import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the committed schema (with its @pii marks), never from live introspection.
const config: CodegenConfig = {
  schema: '../../schema/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // ESM output for Node: relative imports with their .js extension.
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTimeOffset: 'string', DateOnly: 'string', Long: 'number' },
      },
    },
  },
};

export default config;
