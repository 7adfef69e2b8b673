import type { z } from 'zod';
import { serviceEnv } from '@hearth/config';

/** Parsed once at start; the process refuses to start naming any variable at fault. */
export const reportingEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3010),
});
export type ReportingEnv = z.infer<typeof reportingEnv>;
