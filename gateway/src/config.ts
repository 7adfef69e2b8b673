import { z } from 'zod';
import { env, listenEnv } from '@hearth/config';

const optionalUrl = () => env.url().optional();

export const gatewayEnv = listenEnv.extend({
  PORT: env.port(8080),
  JWKS_URL: env.url(),
  IDENTITY_URL: env.url(),
  INTAKE_URL: env.url(),
  ENROLLMENT_URL: env.url(),
  SERVICES_URL: optionalUrl(),
  REFERRALS_URL: optionalUrl(),
  DOCUMENTS_URL: optionalUrl(),
  FSSP_URL: optionalUrl(),
  RENT_ASSISTANCE_URL: optionalUrl(),
  NOTIFICATIONS_URL: optionalUrl(),
  REPORTING_URL: optionalUrl(),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(50).default(5000),
  BREAKER_RESET_MS: z.coerce.number().int().min(50).default(5000),
  RATE_LIMIT_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
});
export type GatewayEnv = z.infer<typeof gatewayEnv>;
