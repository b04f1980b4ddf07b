// Jest 30 on Node 20 cannot require() ESM-only packages (jose@6, strip-bom@5 from @microsoft/app-manifest),
// so those few are transpiled to CommonJS by ts-jest like our own sources.
const ESM_ONLY = ['jose', 'strip-bom'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 30000,
  // The process tests run dist/: build it first when it is missing or older than src/.
  globalSetup: '<rootDir>/test/support/build-once.ts',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }],
    [`^.+/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [
    `/node_modules/(?!(${ESM_ONLY.join('|')})/)(?:@[^/]+/)?[^@/][^/]*/(?!node_modules/)`,
  ],
};
