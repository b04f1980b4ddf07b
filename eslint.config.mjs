// Lint rules, including the layering rule that keeps the bot SDK at the edges of the code base.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const sdkPackages = [
  'botbuilder',
  'botbuilder-*',
  'botframework-*',
  'restify',
  '@microsoft/agents-*',
];

const toolingOutOfProduct = {
  group: ['**/tools/**', '**/test/**'],
  message: 'src/ is the product: it must not import from tools/ or test/.',
};

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The product never depends on its tooling or tests: dist/ holds only what runs.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [toolingOutOfProduct] }],
    },
  },
  {
    files: [
      'src/knowledge/**/*.ts',
      'src/cards/**/*.ts',
      'src/wizard/**/*.ts',
      'src/understanding/**/*.ts',
      'src/answers/**/*.ts',
      'src/export/**/*.ts',
      'src/nsg-check/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            toolingOutOfProduct,
            {
              group: sdkPackages,
              message:
                'Knowledge, understanding, answers, cards, the wizard, exports and the NSG check stay free of the bot SDK: only src/bot, src/conversation and src/server may import it.',
            },
            {
              group: ['**/bot/**', '**/conversation/**', '**/server/**'],
              message:
                'Knowledge, understanding, answers, cards, the wizard, exports and the NSG check must not depend on the bot layers.',
            },
          ],
        },
      ],
    },
  },
  {
    // The chat page's script runs in the browser, as a plain script.
    files: ['web/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        ['window', 'document', 'location', 'localStorage', 'fetch', 'EventSource', 'crypto'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
