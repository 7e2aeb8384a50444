import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks only to the contract: never to the main process's code.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src-main/**', '../../src-main/*'], message: 'The renderer talks only to the contract in src-shared.' }] }],
    },
  },
  {
    files: ['src-main/domain/**/*.ts'],
    rules: {
      // Domain code is pure: no Electron, React or ORM.
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-dom', '@mikro-orm/*'], message: 'Domain code is pure.' }] }],
    },
  },
);
