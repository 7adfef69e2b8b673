import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { env, listenEnv } from '@hearth/config';
import { organizationName, timeZone } from './domain/organizations';
import { rsaPrivateKeyProblem } from './adapters/signing-keys';
import { email, newPassword } from './domain/users';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);

// PEMs passed through env files and secrets often arrive with literal "\n" instead of newlines.
const pem = () =>
  z
    .string()
    .min(1)
    .transform((v) => v.replace(/\\n/g, '\n'));

const previousPublicKeys = z
  .string()
  .default('{}')
  .transform((raw, ctx) => {
    try {
      const keys = z.record(z.string().min(1), pem()).parse(JSON.parse(raw));
      for (const key of Object.values(keys)) createPublicKey(key);
      return keys;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON object {"<kid>": "<public key PEM>"}',
      });
      return z.NEVER;
    }
  });

/**
 * Identity's own environment. It needs no JWKS_URL: it holds the signing key and verifies tokens
 * with its own public key. Its broker carries the organization and user events.
 */
export const identityEnv = listenEnv
  .extend({
    PORT: env.port(3001),
    DATABASE_URL: env.url(),
    AMQP_URL: env.url(),
    /**
     * A new organization's time zone when its registration names none. A deployment serves one
     * continuum, whose agencies share a region: set it once here (the demo's is Chicago's).
     */
    DEFAULT_TIME_ZONE: timeZone().default('America/Chicago'),
    JWT_PRIVATE_KEY: pem().superRefine((value, ctx) => {
      const problem = rsaPrivateKeyProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    JWT_KEY_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/)
      .default('identity-1'),
    /** During a key rotation: the retired public keys, so tokens they signed still verify. */
    JWT_PREVIOUS_PUBLIC_KEYS: previousPublicKeys,
    SEED_DEMO: env.bool(false),
    /**
     * The continuum's HMIS lead, made at start when set (and left as it is when it exists): the
     * one account that registers organizations. Its password is only the first one.
     */
    SYSTEM_ADMIN_EMAIL: z.preprocess(blankIsUnset, email().optional()),
    SYSTEM_ADMIN_PASSWORD: z.preprocess(blankIsUnset, newPassword().optional()),
    SYSTEM_ADMIN_ORGANIZATION: organizationName().default('HMIS Lead'),
    /**
     * Only behind the gateway, which always overwrites it: take the client address from the
     * `X-Client-Address` header. Otherwise the address is the connection's peer.
     */
    TRUST_CLIENT_ADDRESS_HEADER: env.bool(false),
  })
  .superRefine((config, ctx) => {
    if (
      (config.SYSTEM_ADMIN_EMAIL === undefined) !==
      (config.SYSTEM_ADMIN_PASSWORD === undefined)
    ) {
      const missing = config.SYSTEM_ADMIN_EMAIL ? 'SYSTEM_ADMIN_PASSWORD' : 'SYSTEM_ADMIN_EMAIL';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'SYSTEM_ADMIN_EMAIL and SYSTEM_ADMIN_PASSWORD go together',
      });
    }
  });
export type IdentityConfig = z.infer<typeof identityEnv>;
