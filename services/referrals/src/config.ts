import { z } from 'zod';
import { serviceEnv } from '@hearth/config';

/** Parsed once at start; the process refuses to start naming any variable at fault. */
export const referralsEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3005),
  // coordinated entry: a vacancy reservation the provider has not answered in this many days is flagged
  CE_RESERVATION_REPLY_DAYS: z.coerce.number().int().min(1).max(90).default(3),
});
export type ReferralsEnv = z.infer<typeof referralsEnv>;
