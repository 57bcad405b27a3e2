// ESLint (flat config) with typescript-eslint. Its main job is the house's
// layering: the engine is pure, and client and server meet only in shared/.
// Style is Prettier's business (npm run format); the rules kept here are the
// recommended ones that the code already keeps.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** The pure engine (and the ldifde importer): text in, data out; no I/O, no connection, no timers. */
export const ENGINE_DIRS = ['model', 'rules', 'engine', 'workspace', 'route', 'features', 'import'];

const PURE = 'The engine is pure: no Node.js modules (file system, timers, processes). Do it in lsp/ or cli/.';

/** What no engine file may import (type-only imports of the protocol packages are allowed). */
export const ENGINE_RESTRICTIONS = {
  // Node's modules by their bare names too ("fs", "path"): exact names, so ../model/domain is not the domain module.
  paths: builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: PURE })),
  patterns: [
    { regex: '^node:', message: PURE },
    {
      regex: '^vscode-languageserver(/.*)?$',
      message: 'The engine knows no LSP connection: use vscode-languageserver-types for the LSP data types.',
    },
    {
      regex: '^(vscode-languageserver-protocol|vscode-jsonrpc)(/.*)?$',
      allowTypeImports: true,
      message: 'The engine may use the protocol packages for types only (import type).',
    },
    { regex: '^vscode(-languageclient)?(/.*)?$', message: 'The engine is not the extension.' },
    {
      regex: '(^|/)shared/protocol$',
      allowTypeImports: true,
      message:
        'shared/protocol.ts holds the message objects (the protocol package at run time): import its types only, or shared/route.ts.',
    },
    {
      regex: '(^|/)(lsp|cli|client)(/|$)|(^|/)(server|cli)$',
      message: 'The engine does not import the server (lsp/, server.ts), the CLI (cli/) or the extension (client/): they import it.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'out/',
      'node_modules/',
      '.e2e/',
      'bench/out/',
      'test/fixtures/',
      'test/e2e/runtime/',
      'examples/',
      'mistakes-copy/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Prettier's and the tests' business: regular expressions in tests match aligned output.
      'no-regex-spaces': 'off',
      // Escapes that are not needed but harmless ("[\\[]"), and control characters matched on purpose (YAML quoting).
      'no-useless-escape': 'off',
      'no-control-regex': 'off',
      // Tests and the YAML walkers read loosely typed data on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The build scripts and e2e drivers are Node ES modules (TypeScript files are checked by tsc, not no-undef).
    files: ['**/*.mjs', 'bin/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'URL',
          'Buffer',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'require',
          '__dirname',
          'module',
          'fetch',
          'AbortController',
          'TextDecoder',
          'TextEncoder',
        ].map((g) => [g, 'readonly']),
      ),
    },
  },
  {
    files: ENGINE_DIRS.map((d) => `server/src/${d}/**/*.ts`),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', ENGINE_RESTRICTIONS] },
  },
  {
    // The catalog and the small parsers are the bottom layer: they read no rule, finding or index.
    files: ['server/src/model/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...ENGINE_RESTRICTIONS,
          patterns: [
            ...ENGINE_RESTRICTIONS.patterns,
            {
              regex: '^\\.\\./(rules|engine|workspace|route|features)(/|$)',
              message: 'model/ is the bottom layer: rules, engine, workspace, route and features import it, not the other way.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server(/|$)',
              message: 'The extension talks to the server through shared/protocol.ts only; it does not import server code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)(server|client)(/|$)', message: 'shared/ is imported by the client and the server; it imports neither.' },
          ],
        },
      ],
    },
  },
);
