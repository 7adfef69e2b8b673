import type { z } from 'zod';
import { serviceEnv } from '@hearth/config';

/** Parsed once at start; the process refuses to start naming any variable at fault. */
export const documentsEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3006),
});
export type DocumentsEnv = z.infer<typeof documentsEnv>;
