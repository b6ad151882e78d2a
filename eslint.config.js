import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layers (README, "Layout"). no-restricted-imports sees the specifier as written, so a rule
// for `src-main/<dir>` is given per depth: from a file n folders below src-main, `../` n times
// leads back to src-main, and what follows is the module reached.
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Files in `src-main/<dir>/` for each of `dirs` may import none of `modules` (under src-main). */
function forbidImports(dirs, modules, message, files = '*.{ts,tsx}') {
  return [1, 2, 3, 4].map((depth) => ({
    files: dirs.map((dir) => `src-main/${dir}/${'*/'.repeat(depth - 1)}${files}`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^${escape('../'.repeat(depth))}(?:${modules.join('|')})(?:/|\\.tsx?$|$)`,
              message,
            },
          ],
        },
      ],
    },
  }));
}

const station = ['station', 'shipping', 'accounts', 'outbox', 'host'];

export default tseslint.config(
  { ignores: ['out', 'node_modules', 'test-results', '.native'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(?:^|/)src-main(?:/|$)',
              message: 'The renderer talks to main only through the contract in src-shared/.',
            },
          ],
        },
      ],
    },
  },
  ...forbidImports(
    ['store', 'sendcloud', 'printing'],
    ['station', 'shipping', 'accounts', 'outbox'],
    'store/, sendcloud/ and printing/ are below the station: they import nothing from it.',
  ),
  // The simulator stands in for Sendcloud: it shares none of the station's code, not even its
  // Sendcloud client. Its tests may check what it serves against the client's schemas.
  ...forbidImports(
    ['simulator'],
    [...station, 'store', 'sendcloud', 'printing'],
    'The simulator is Sendcloud, not the station: it imports nothing of the station.',
  ),
  ...forbidImports(
    ['simulator'],
    [...station, 'store', 'printing'],
    'The simulator is Sendcloud, not the station: it imports nothing of the station.',
    '*.test.ts',
  ),
  {
    // Scripts and tests talk to the terminal on purpose.
    files: [
      'scripts/**',
      'test/**',
      'src-main/web.ts',
      'src-main/run-simulator.ts',
      'src-main/run-hub.ts',
      'bench/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
