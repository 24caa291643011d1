import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The pure core (model, validation, exporters, importers, the message catalogues) is shared with the CLI: no React, no store, no DOM.
const pureCoreRestrictions = {
  paths: [
    { name: 'react', message: 'The pure core must not depend on React.' },
    { name: 'react-dom', message: 'The pure core must not depend on React.' },
    { name: 'preact', message: 'The pure core must not depend on a UI library.' },
    { name: 'zustand', message: 'The pure core must not depend on the store.' },
    { name: '@xyflow/react', message: 'The pure core must not depend on the canvas.' },
    { name: 'monaco-editor', message: 'The pure core must not depend on the editor.' },
  ],
  patterns: [
    {
      group: ['react/*', 'react-dom/*', 'zustand/*', '@monaco-editor/*', 'monaco-editor/*'],
      message: 'The pure core must not depend on UI libraries.',
    },
    {
      group: [
        '**/store',
        '**/store/*',
        '**/canvas/*',
        '**/panels/*',
        '**/embed/*',
        '**/*.tsx',
        '**/view',
        '**/view.tsx',
      ],
      message: 'The pure core must not import UI modules.',
    },
  ],
};

const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'HTMLElement',
  'Blob',
  'URL.createObjectURL',
];

export default tseslint.config(
  {
    ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', 'bench/.work', 'public'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: [
      'src/model/**/*.ts',
      'src/validation/**/*.ts',
      'src/exporters/**/*.ts',
      'src/importers/**/*.ts',
      'src/i18n/**/*.ts',
      'src/nodes/*/descriptor.ts',
      'src/nodes/registry.ts',
      'src/nodes/types.ts',
    ],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', pureCoreRestrictions],
      'no-restricted-globals': [
        'error',
        ...domGlobals
          .filter((name) => !name.includes('.'))
          .map((name) => ({ name, message: 'The pure core has no DOM.' })),
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
