// Two tiers: fast unit tests of pure rules, and integration tests against real servers
// (Postgres, RabbitMQ, MongoDB-compatible) resolved once by the testkit's global setup.
const shared = {
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: { '^@hearth/(.*)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/**/test/**/*.unit.test.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/test/**/*.int.test.ts'],
      globalSetup: '<rootDir>/libs/testkit/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testkit/src/global-teardown.ts',
      testTimeout: 60000,
    },
  ],
};
