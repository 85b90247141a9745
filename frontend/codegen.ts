import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../graph/schema/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Time: 'string', Date: 'string', Fen: 'number', Upload: 'File' },
        // Fragment masking adds friction for a small app whose components read query results directly.
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
