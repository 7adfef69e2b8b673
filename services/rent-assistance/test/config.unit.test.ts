import { ConfigError, loadConfig } from '@hearth/config';
import { rentAssistanceEnv } from '../src/config';

const complete = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/rent_assistance',
  AMQP_URL: 'amqp://127.0.0.1:5672',
  JWKS_URL: 'http://127.0.0.1:3001/.well-known/jwks.json',
};

test('when DATABASE_URL is missing, the configuration is refused naming it', () => {
  const { DATABASE_URL: _omitted, ...withoutDatabase } = complete;
  expect(() => loadConfig(rentAssistanceEnv, withoutDatabase)).toThrow(ConfigError);
  expect(() => loadConfig(rentAssistanceEnv, withoutDatabase)).toThrow(/DATABASE_URL is required/);
});

test('when PORT is not set, it listens on its own local port 3008', () => {
  expect(loadConfig(rentAssistanceEnv, complete).PORT).toBe(3008);
});
