// @ts-check
/**
 * Lint for the whole tree (run by `npm run lint`, part of `npm test`). Beyond typescript-eslint's
 * recommended rules it enforces the boundaries of shared/conventions.md:
 * - engine/ is pure TypeScript: it imports nothing outside itself (no node:*, DOM, Electron,
 *   React, UI or database packages) and never reads the clock, randomness, timers or console;
 * - outside engine/, code imports only its public surface, engine/index.ts (and version.ts);
 * - electron/services never imports electron/cli (the CLI sits on top of the services);
 * - nothing imports renderer/ but the renderer itself (and its tests).
 * Import cycles are checked by test/repo/import-cycles.test.ts (it also sees `import type`).
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

/** Packages the engine may not use (it runs in the app, the CLI, workers and a browser). */
const NOT_IN_ENGINE = [
  'node:.*',
  'fs',
  'path',
  'os',
  'crypto',
  'worker_threads',
  'child_process',
  'electron',
  'react',
  'react-dom',
  '@xyflow/.*',
  'zustand',
  'echarts',
  'elkjs',
  'ws',
  'better-sqlite3',
  'commander',
  'bullmq',
  'ioredis',
];
const NOT_IN_ENGINE_RE = `^(${NOT_IN_ENGINE.join('|')})(/.*)?$`;

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'out/**', 'renderer/dist/**', 'build/native/**', 'tmp/**', 'tmp-scratch/**', 'test/renderer/live/shots/fake-bridge.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.cjs'] })] },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc (strict, noUnused*) already reports these, with the project's own settings.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
      // `void promise` marks a deliberate fire-and-forget in event handlers.
      'no-void': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      'import-x/no-duplicates': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            { target: './engine', from: ['./electron', './renderer', './test', './build', './assets'], message: 'engine/ imports nothing outside itself.' },
            {
              target: ['./electron', './renderer', './build'],
              from: './engine',
              // version.ts: one constant, so that `srlab --version` need not load the whole engine.
              except: ['./index.ts', './version.ts'],
              message: 'Outside engine/, import the engine only through engine/index.ts (export what you need there).',
            },
            { target: './electron/services', from: './electron/cli', message: 'electron/services never imports electron/cli (the CLI is built on the services, not the other way).' },
            { target: ['./engine', './electron', './build'], from: './renderer', message: 'Nothing imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: NOT_IN_ENGINE_RE, message: 'engine/ is pure TypeScript: no Node, DOM, Electron, UI or database packages.' }] }],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'performance', 'console', 'fetch'].map(
          (name) => ({ name, message: 'engine/ gets time, randomness and I/O injected.' }),
        ),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'engine/ gets time injected (virtual µs).' },
        { object: 'Math', property: 'random', message: 'engine/ uses its seeded random streams.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'engine/ gets time injected (virtual µs).' }],
    },
  },
  {
    files: ['test/**', 'build/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests read JSON the code under test printed; `any` there is a reading aid, not a type hole.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
