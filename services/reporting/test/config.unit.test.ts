import { ConfigError, loadConfig } from '@hearth/config';
import { reportingEnv } from '../src/config';

const complete = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/reporting',
  AMQP_URL: 'amqp://127.0.0.1:5672',
  JWKS_URL: 'http://127.0.0.1:3001/.well-known/jwks.json',
};

test('when DATABASE_URL is missing, the configuration is refused naming it', () => {
  const { DATABASE_URL: _omitted, ...withoutDatabase } = complete;
  expect(() => loadConfig(reportingEnv, withoutDatabase)).toThrow(ConfigError);
  expect(() => loadConfig(reportingEnv, withoutDatabase)).toThrow(/DATABASE_URL is required/);
});

test('when PORT is not set, it listens on its own local port 3010', () => {
  expect(loadConfig(reportingEnv, complete).PORT).toBe(3010);
});
