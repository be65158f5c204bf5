// ESLint for qfi's own TypeScript and JavaScript (src/, test/, scripts/, .ci/, the config files).
// The base is @eslint/js and typescript-eslint `recommended`, the syntactic sets; formatting is
// Prettier's, so eslint-config-prettier (last) switches off every rule that could disagree with it.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/', // esbuild's output
    'test/fixtures/', // recorded third-party producers (with their own node_modules) and their output
    'plugin/', // C: the QEMU plugin
    'guest/', // shell and C/Rust: the guest side
    'qfi-results/', // a local run's output
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: globals.node },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `const { key: _key, ...rest } = value` is how the code drops a key: the named sibling is unused by design.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Bugs the recommended sets let through.
      eqeqeq: ['error', 'smart'],
      'array-callback-return': 'error',
      'no-self-compare': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
      'no-useless-assignment': 'error',
    },
  },
  {
    // Promise misuse, the bug class of a process supervisor; these need type information, so only
    // for the files tsconfig.json type-checks (about 15 s more than the syntactic rules).
    files: ['src/**/*.ts', 'test/**/*.ts', 'vitest.config.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A promise returned un-awaited inside try escapes its catch and finally.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
    },
  },
  prettier,
);
