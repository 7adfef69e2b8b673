import { z } from 'zod';
import { env, listenEnv } from '@hearth/config';
import { SERVICES, urlVariableOf } from '@hearth/registry';

/** An unset optional service is simply not deployed; an empty value (compose, k8s) means the same. */
const optionalUrl = () =>
  z.preprocess((value) => (value === '' ? undefined : value), env.url().optional());

const millis = (fallback: number) => z.coerce.number().int().min(50).default(fallback);

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** A size written the way express writes it ('1mb', '500kb', '1048576'), in bytes. */
const byteSize = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/, 'Use a size such as 1mb, 500kb or 1048576')
    .transform((text) => {
      const [, amount, unit] = /^([\d.]+)\s*([a-z]*)$/.exec(text)!;
      return Math.floor(Number(amount) * UNITS[unit]);
    });

/**
 * One address per registered service (libs/registry). Only identity's is required: without it no
 * one can log in and no token can be verified. Any other unset address means "not deployed here"
 * and its resources answer 503; docker-compose.yml and k8s/ set every built one (the registry test
 * checks that).
 */
const upstreamAddresses = Object.fromEntries(
  SERVICES.map((s) => [urlVariableOf(s.name), s.name === 'identity' ? env.url() : optionalUrl()]),
) as Record<string, ReturnType<typeof optionalUrl>> & { IDENTITY_URL: ReturnType<typeof env.url> };

export const gatewayEnv = listenEnv.extend({
  ...upstreamAddresses,
  PORT: env.port(8080),
  JWKS_URL: env.url(),
  UPSTREAM_TIMEOUT_MS: millis(5000),
  BREAKER_RESET_MS: millis(5000),
  RATE_LIMIT_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /**
   * How many proxies in front of the gateway (an ingress, a load balancer) append to
   * X-Forwarded-For: the client address is the one the last of them saw. 0: the connection's peer
   * is the client, and any X-Forwarded-For is the client's own invention.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Parsed to bytes. */
  BODY_LIMIT: byteSize().prefault('1mb'),
  /** The document upload's body (POST /api/v1/documents) alone: the documents service's 25 MB and the multipart around it. */
  UPLOAD_BODY_LIMIT: byteSize().prefault('26mb'),
  /** POST /api/v1/imports alone: reporting takes an HMIS CSV zip of up to 200 MB, and the multipart around it. */
  HMIS_IMPORT_BODY_LIMIT: byteSize().prefault('201mb'),
  /** POST /api/v1/payments/batch alone: 5,000 payments are about 2 MB (rent-assistance takes 3mb). */
  PAYMENT_BATCH_BODY_LIMIT: byteSize().prefault('3mb'),
});
export type GatewayEnv = z.infer<typeof gatewayEnv>;
