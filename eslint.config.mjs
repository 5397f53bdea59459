import js from '@eslint/js';
import { configs as litConfigs } from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', '.cache/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/unit/**/*.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'lit-a11y': litA11y },
    rules: {
      ...litA11y.configs.recommended.rules,
    },
  },
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    files: ['sw/**/*.ts'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: [
      'deploy/**/*.mjs',
      'src/cli/**',
      'test/cli/**/*.mjs',
      'test/e2e/**/*.mjs',
      'test/support/**/*.mjs',
      'test/bench/**/*.mjs',
      '*.mjs',
      '*.ts',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // End-to-end tests run code in the page through page.evaluate().
    files: ['test/e2e/**/*.mjs', 'test/bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['deploy/**/*.mjs', 'src/cli/**/*.mjs', 'test/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
  {
    // Chai assertions such as `expect(x).to.be.null` are property reads by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
