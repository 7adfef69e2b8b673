import type { z } from 'zod';
import { serviceEnv } from '@hearth/config';

/** Parsed once at start; the process refuses to start naming any variable at fault. */
export const fsspEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3007),
});
export type FsspEnv = z.infer<typeof fsspEnv>;
