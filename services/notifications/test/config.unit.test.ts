import { ConfigError, loadConfig } from '@hearth/config';
import { notificationsEnv } from '../src/config';

const complete = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/notifications',
  AMQP_URL: 'amqp://127.0.0.1:5672',
  JWKS_URL: 'http://127.0.0.1:3001/.well-known/jwks.json',
};

test('when DATABASE_URL is missing, the configuration is refused naming it', () => {
  const { DATABASE_URL: _omitted, ...withoutDatabase } = complete;
  expect(() => loadConfig(notificationsEnv, withoutDatabase)).toThrow(ConfigError);
  expect(() => loadConfig(notificationsEnv, withoutDatabase)).toThrow(/DATABASE_URL is required/);
});

test('when PORT is not set, it listens on its own local port 3009', () => {
  expect(loadConfig(notificationsEnv, complete).PORT).toBe(3009);
});

test('an SMTP_URL that is not smtp:// or smtps:// is refused naming it; unset, mail waits', () => {
  expect(() => loadConfig(notificationsEnv, { ...complete, SMTP_URL: 'http://mail' })).toThrow(
    /SMTP_URL/,
  );
  expect(loadConfig(notificationsEnv, complete).SMTP_URL).toBeUndefined();
});
