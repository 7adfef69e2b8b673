import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from '@hearth/config';
import { testPrivateKeyPem, testPublicKeyPem } from '@hearth/testkit';
import { identityEnv } from '../src/config';
import { signingKeys } from '../src/adapters/signing-keys';

const base = {
  DATABASE_URL: 'postgres://localhost/identity',
  AMQP_URL: 'amqp://localhost',
  JWT_PRIVATE_KEY: testPrivateKeyPem,
};

test('defaults: port 3001, key id identity-1, no demo seed', () => {
  expect(loadConfig(identityEnv, base)).toMatchObject({
    PORT: 3001,
    JWT_KEY_ID: 'identity-1',
    JWT_ISSUER: 'hearth-identity',
    JWT_AUDIENCE: 'hearth',
    SEED_DEMO: false,
    JWT_PREVIOUS_PUBLIC_KEYS: {},
    TRUST_CLIENT_ADDRESS_HEADER: false,
  });
});

test('a PEM with escaped newlines (as env files carry it) is accepted', () => {
  const escaped = testPrivateKeyPem.replace(/\n/g, '\\n');
  expect(loadConfig(identityEnv, { ...base, JWT_PRIVATE_KEY: escaped }).JWT_PRIVATE_KEY).toBe(
    testPrivateKeyPem,
  );
});

test('refuses to start without a usable RSA signing key, naming the variable', () => {
  const problems = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(identityEnv, env);
      return [];
    } catch (err) {
      return (err as ConfigError).problems;
    }
  };
  expect(problems({ DATABASE_URL: base.DATABASE_URL, AMQP_URL: base.AMQP_URL })).toEqual([
    'JWT_PRIVATE_KEY is required but not set',
  ]);
  expect(problems({ ...base, JWT_PRIVATE_KEY: 'nonsense' })[0]).toMatch(
    /^JWT_PRIVATE_KEY: is not a PEM/,
  );
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const ecPem = ec.export({ type: 'pkcs8', format: 'pem' }).toString();
  expect(problems({ ...base, JWT_PRIVATE_KEY: ecPem })[0]).toMatch(/RSA/);
  expect(problems({ ...base, JWT_PREVIOUS_PUBLIC_KEYS: '[1]' })[0]).toMatch(
    /^JWT_PREVIOUS_PUBLIC_KEYS/,
  );
});

test('identity publishes: it refuses to start without its broker, naming AMQP_URL', () => {
  const { AMQP_URL: _unset, ...withoutBroker } = base;
  expect(() => loadConfig(identityEnv, withoutBroker)).toThrow('AMQP_URL is required but not set');
});

test('new organizations get America/Chicago unless DEFAULT_TIME_ZONE names another IANA zone', () => {
  expect(loadConfig(identityEnv, base).DEFAULT_TIME_ZONE).toBe('America/Chicago');
  const denver = { ...base, DEFAULT_TIME_ZONE: 'America/Denver' };
  expect(loadConfig(identityEnv, denver).DEFAULT_TIME_ZONE).toBe('America/Denver');
  expect(() => loadConfig(identityEnv, { ...base, DEFAULT_TIME_ZONE: 'CST' })).toThrow(
    /DEFAULT_TIME_ZONE: Must be an IANA time zone name/,
  );
});

test('during a rotation the retired public key is published and still verifies', () => {
  const keys = signingKeys('new', testPrivateKeyPem, { old: testPublicKeyPem });
  expect(keys.jwks.map((k) => k.kid)).toEqual(['new', 'old']);
  expect(Object.keys(keys.publicKeys).sort()).toEqual(['new', 'old']);
  expect(keys.jwks.every((k) => k.d === undefined)).toBe(true);
});

test('a system admin email without its password (or the reverse) refuses to start, naming the missing one', () => {
  const problem = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(identityEnv, { ...base, ...env });
      return 'started';
    } catch (err) {
      return (err as ConfigError).message;
    }
  };
  expect(problem({ SYSTEM_ADMIN_EMAIL: 'lead@hmis.example' })).toContain('SYSTEM_ADMIN_PASSWORD');
  expect(problem({ SYSTEM_ADMIN_PASSWORD: 'long-enough-password' })).toContain(
    'SYSTEM_ADMIN_EMAIL',
  );
  expect(
    problem({
      SYSTEM_ADMIN_EMAIL: 'lead@hmis.example',
      SYSTEM_ADMIN_PASSWORD: 'long-enough-password',
    }),
  ).toBe('started');
});
