// Lint: the JavaScript and TypeScript recommended rules (syntax-level, no type information, so it stays fast),
// plus a few choices of this codebase. Import boundaries are dependency-cruiser's job (.dependency-cruiser.cjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'coverage/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The bin wrapper and the dependency-cruiser config are plain Node.js JavaScript.
  { files: ['bin/**/*.js'], languageOptions: { globals: { process: 'readonly' } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // `_name` marks a value deliberately left out (destructuring a field away, an unused callback argument). A
      // warning, not an error: a leftover import is tidied up, it does not stop a build.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
);
