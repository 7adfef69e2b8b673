import type { z } from 'zod';
import { serviceEnv } from '@hearth/config';

/** Parsed once at start; the process refuses to start naming any variable at fault. */
export const referralsEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3005),
});
export type ReferralsEnv = z.infer<typeof referralsEnv>;
