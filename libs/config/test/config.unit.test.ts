import { z } from 'zod';
import { ConfigError, env, loadConfig, serviceEnv } from '@hearth/config';

const complete = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  AMQP_URL: 'amqp://127.0.0.1:5672',
  JWKS_URL: 'http://127.0.0.1:3001/.well-known/jwks.json',
};

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    const config = loadConfig(serviceEnv, { ...complete, PORT: '3002' });
    expect(config.PORT).toBe(3002);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.JWT_AUDIENCE).toBe('hearth');
  });

  it('refuses to start with a message naming each missing or malformed variable', () => {
    const attempt = () =>
      loadConfig(serviceEnv, { AMQP_URL: 'not a url', JWKS_URL: complete.JWKS_URL });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (err) {
      const message = (err as ConfigError).message;
      expect(message).toContain('DATABASE_URL is required but not set');
      expect(message).toMatch(/AMQP_URL: .*URL/i);
      expect(message).not.toContain('JWKS_URL');
    }
  });

  it('parses booleans from the usual spellings', () => {
    const schema = z.object({ SEED: env.bool(false) });
    expect(loadConfig(schema, { SEED: 'true' }).SEED).toBe(true);
    expect(loadConfig(schema, {}).SEED).toBe(false);
    expect(() => loadConfig(schema, { SEED: 'yes please' })).toThrow(/SEED/);
  });
});
