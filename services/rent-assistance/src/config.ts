import type { z } from 'zod';
import { serviceEnv } from '@hearth/config';

/** Parsed once at start; the process refuses to start naming any variable at fault. */
export const rentAssistanceEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3008),
});
export type RentAssistanceEnv = z.infer<typeof rentAssistanceEnv>;
