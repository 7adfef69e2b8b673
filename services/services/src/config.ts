import type { z } from 'zod';
import { serviceEnv } from '@hearth/config';

/** Parsed once at start; the process refuses to start naming any variable at fault. */
export const servicesEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3004),
});
export type ServicesEnv = z.infer<typeof servicesEnv>;
