import { z } from 'zod';
import { serviceEnv } from '@hearth/config';

/** Parsed once at start; the process refuses to start naming any variable at fault. */
export const servicesEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3004),
  /** How often expired Idempotency-Key answers are deleted (kept 24 h; hourly by default). */
  IDEMPOTENCY_CLEANUP_EVERY_MS: z.coerce.number().int().min(1000).default(3_600_000),
});
export type ServicesEnv = z.infer<typeof servicesEnv>;
