import { z } from 'zod';
import { serviceEnv } from '@hearth/config';

export const enrollmentEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3003),
  /** How often the auto-exit job looks for enrollments idle more than 90 days. */
  AUTO_EXIT_EVERY_MS: z.coerce.number().int().min(1000).default(3_600_000),
});
export type EnrollmentEnv = z.infer<typeof enrollmentEnv>;
