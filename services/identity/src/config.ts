import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { env, listenEnv } from '@hearth/config';
import { rsaPrivateKeyProblem } from './domain/signing-keys';

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
 * Identity's own environment. Unlike the other services it needs no broker (it publishes no events
 * yet) and no JWKS_URL: it holds the signing key and verifies tokens with its own public key.
 */
export const identityEnv = listenEnv.extend({
  PORT: env.port(3001),
  DATABASE_URL: env.url(),
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
});
export type IdentityConfig = z.infer<typeof identityEnv>;
