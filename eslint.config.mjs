import js from '@eslint/js';
import { configs as litConfigs } from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers of src/ (docs/architecture.md), kept by `no-restricted-imports`. Specifiers are
// relative, so a forbidden folder is named after any number of `../`; folder names are unique
// within src/, so the pattern cannot mistake one layer for another.
const SRC_FOLDERS = ['encoding', 'domain', 'db', 'kit-format', 'ui', 'app', 'features', 'cli'];

/** A rule that forbids importing from the given top-level folders of src/. */
function layerRule(forbidden, message) {
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [{ regex: `^(\\.\\./)+(${forbidden.join('|')})/`, message }],
      },
    ],
  };
}

/** Every folder of src/ but those a layer may use. */
const except = (...allowed) => SRC_FOLDERS.filter((folder) => !allowed.includes(folder));

const layers = [
  {
    files: ['src/encoding/**/*.ts'],
    rules: layerRule(except('encoding'), 'encoding/ depends on nothing of the app.'),
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: layerRule(except('domain', 'encoding'), 'domain/ depends on encoding/ only.'),
  },
  {
    files: ['src/db/**/*.ts'],
    rules: layerRule(
      ['kit-format', ...except('domain', 'encoding', 'db', 'kit-format')],
      'db/ depends on domain/ and encoding/ only.',
    ),
  },
  {
    files: ['src/kit-format/**/*.ts'],
    rules: layerRule(
      ['db', ...except('domain', 'encoding', 'db', 'kit-format')],
      'kit-format/ depends on domain/ and encoding/ only.',
    ),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: layerRule(
      except('cli', 'kit-format', 'domain', 'encoding'),
      'The tocsin-kit command depends on kit-format/, domain/ and encoding/ only.',
    ),
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: layerRule(
      except('ui', 'domain', 'encoding'),
      'ui/ is presentational: no app, database or feature.',
    ),
  },
  {
    // A feature uses the layers below it and the shell's services; another feature only through
    // AppServices (type imports of its service contracts) or its custom elements (`tocsin-*`).
    files: ['src/features/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!tocsin-)',
              allowTypeImports: true,
              message:
                "A feature never imports another feature's internals: use AppServices (a type import of the service), a custom element, or move the shared part down to domain/.",
            },
            {
              regex: '^(\\.\\./)+cli/',
              message: 'The tocsin-kit command is not part of the app.',
            },
            {
              regex: '^(\\.\\./)+app/(services|pages|tocsin-app)\\.js$',
              allowTypeImports: true,
              message: 'The shell composes the features; a feature only receives AppServices.',
            },
          ],
        },
      ],
    },
  },
];

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
  ...layers,
  {
    // Chai assertions such as `expect(x).to.be.null` are property reads by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
