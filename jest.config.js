// Two tiers: fast unit tests of pure rules, and integration tests against real servers
// (Postgres, RabbitMQ, MongoDB-compatible) resolved once by the testkit's global setup.
const shared = {
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // Every workspace by its package name, at its source (a service's package main is its built
  // main.ts, which would start it): the gateway, a lib, else a service.
  moduleNameMapper: {
    '^@hearth/gateway$': '<rootDir>/gateway/src',
    '^@hearth/(.*)$': ['<rootDir>/libs/$1/src', '<rootDir>/services/$1/src'],
  },
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
module.exports = {
  // Jest 30 reads the timeout from the top level only (a project's own was ignored: every test and
  // hook had 5 s, and starting a service on a busy machine took longer). Unit tests are far under it.
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/**/test/**/*.unit.test.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/test/**/*.int.test.ts'],
      globalSetup: '<rootDir>/libs/testkit/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testkit/src/global-teardown.ts',
    },
  ],
};
