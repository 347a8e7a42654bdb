// Layering is a build failure, not a review comment. Run from the repository root:
//   eslint -c test/lint/eslint.config.js .
import tseslint from 'typescript-eslint';

const nodeBuiltinNames = ['fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'url', 'util', 'stream', 'events', 'worker_threads', 'better-sqlite3', 'ws'];
const nodeBuiltinPaths = nodeBuiltinNames.map((name) => ({ name, message: 'No Node APIs here.' }));

export default tseslint.config(
  { ignores: ['.scratch/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'electron/core/store/migrations/**', 'electron/core/sync/channels/shopify/generated/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltinPaths, patterns: [
        { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
        { group: ['node:*'], message: 'shared/ is pure: no Node APIs.' },
        { group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom', 'zustand'], message: 'shared/ imports neither side.' },
      ] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'electron/*'], message: 'electron/core is plain Node: only electron/main may import electron.' },
        { group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'electron/core does not reach into main, preload or renderer.' },
      ] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltinPaths, patterns: [
        { group: ['electron', 'electron/*', '**/electron/**'], message: 'The renderer reaches the app only through the API client.' },
        { group: ['node:*'], message: 'The renderer runs in a sandboxed page: no Node APIs.' },
      ] }],
    },
  },
  {
    // config files need a default export by their tools' contract
    files: ['electron.vite.config.ts', 'test/**/*.config.ts', 'test/lint/*.js', 'electron/core/store/drizzle.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
