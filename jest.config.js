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
  // Two test files at a time. Jest's default is one fewer than the cores: on CI's 2 cores that is 1,
  // and `npm test` ran every file in band (973 s), while most of an integration file's time is
  // spent waiting on Postgres, the broker or a poll, which another file can use. Files never see
  // each other's data (a database, an exchange and queues each); `--maxWorkers` still overrides it.
  maxWorkers: 2,
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
