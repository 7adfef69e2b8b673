import { z } from 'zod';
import { serviceEnv } from '@hearth/config';

/** Parsed once at start; the process refuses to start naming any variable at fault. */
export const reportingEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3010),
  /** How soon a queued HMIS import is taken up (the import job's interval), in milliseconds. */
  HMIS_IMPORT_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(1000),
});
export type ReportingEnv = z.infer<typeof reportingEnv>;
