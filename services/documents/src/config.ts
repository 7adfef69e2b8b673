import type { z } from 'zod';
import { z as zod } from 'zod';
import { serviceEnv } from '@hearth/config';

const MB = 1024 * 1024;

/** Parsed once at start; the process refuses to start naming any variable at fault. */
export const documentsEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3006),
  /** Metadata (mongoose) and content (GridFS) live in the database this URL names. */
  MONGO_URL: zod.string().regex(/^mongodb(\+srv)?:\/\/\S+$/, 'a mongodb:// URL'),
  /** The largest file an upload may carry, in bytes (25 MB by default). */
  DOCUMENTS_MAX_BYTES: zod.coerce
    .number()
    .int()
    .min(1)
    .max(1024 * MB)
    .default(25 * MB),
  /** How long a deleted document's content is kept (for an undo or an audit) before it is purged. */
  DOCUMENTS_RETENTION_DAYS: zod.coerce.number().int().min(0).max(3650).default(30),
});
export type DocumentsEnv = z.infer<typeof documentsEnv>;
