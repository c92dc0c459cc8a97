import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * One-way imports (docs/architecture.md, "Console conventions"): contract <- lib,
 * components <- features <- app; server imports only contract. No feature imports another
 * feature's internals.
 */
const boundary = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const FEATURES = [
  'connection',
  'regions',
  'keys',
  'create-key',
  'crypto',
  'audit',
  'palette',
  'calendar',
];
const up = (dir) => [`**/${dir}/**`, `**/${dir}`];
const SERVER_ONLY_CONTRACT = {
  group: [...up('lib'), ...up('components'), ...up('features'), ...up('app')],
  message: 'server imports only src/contract (docs/architecture.md).',
};
const EMULATOR_LAYERS =
  'The emulator\'s layers import downwards only: http -> domain -> store (docs/architecture.md, "The emulator\'s layers").';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.kms-data'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/contract/**/*.{ts,tsx}'],
    rules: boundary([
      {
        group: [
          ...up('lib'),
          ...up('components'),
          ...up('features'),
          ...up('app'),
          ...up('server'),
        ],
        message: 'src/contract imports nothing of the app (docs/architecture.md).',
      },
      {
        group: ['react', 'react-dom', 'node:*'],
        message: 'src/contract has no React and no Node.',
      },
    ]),
  },
  {
    files: ['src/lib/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: boundary([
      {
        group: [...up('features'), ...up('app'), ...up('server')],
        message:
          'lib and components import only contract (and each other): see docs/architecture.md.',
      },
    ]),
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: boundary([
      {
        group: [...up('app'), ...up('server')],
        message: 'features never import app or server (docs/architecture.md).',
      },
      {
        group: FEATURES.filter((f) => f !== feature).map((f) => `@/features/${f}/*`),
        message: 'Import another feature only through its index.ts (@/features/<name>).',
      },
      { group: ['../../../*'], message: 'Use the @/ alias to reach outside this feature.' },
    ]),
  })),
  {
    files: ['server/**/*.ts'],
    rules: boundary([SERVER_ONLY_CONTRACT]),
  },
  // The emulator's layers import downwards only: http -> domain -> store.
  {
    files: ['server/emulator/store/**/*.ts'],
    rules: boundary([
      SERVER_ONLY_CONTRACT,
      { group: [...up('domain'), ...up('http')], message: EMULATOR_LAYERS },
    ]),
  },
  {
    files: ['server/emulator/domain/**/*.ts'],
    rules: boundary([SERVER_ONLY_CONTRACT, { group: up('http'), message: EMULATOR_LAYERS }]),
  },
);
