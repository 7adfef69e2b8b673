import { ConfigError, loadConfig } from '@hearth/config';
import { documentsEnv } from '../src/config';

const complete = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/documents',
  AMQP_URL: 'amqp://127.0.0.1:5672',
  JWKS_URL: 'http://127.0.0.1:3001/.well-known/jwks.json',
  MONGO_URL: 'mongodb://127.0.0.1:27017/documents',
};

test('when DATABASE_URL is missing, the configuration is refused naming it', () => {
  const { DATABASE_URL: _omitted, ...withoutDatabase } = complete;
  expect(() => loadConfig(documentsEnv, withoutDatabase)).toThrow(ConfigError);
  expect(() => loadConfig(documentsEnv, withoutDatabase)).toThrow(/DATABASE_URL is required/);
});

test('when PORT is not set, it listens on its own local port 3006', () => {
  expect(loadConfig(documentsEnv, complete).PORT).toBe(3006);
});

test('without MONGO_URL the configuration is refused naming it, and uploads default to 25 MB', () => {
  const { MONGO_URL: _omitted, ...withoutMongo } = complete;
  expect(() => loadConfig(documentsEnv, withoutMongo)).toThrow(/MONGO_URL/);
  expect(loadConfig(documentsEnv, complete).DOCUMENTS_MAX_BYTES).toBe(25 * 1024 * 1024);
});
