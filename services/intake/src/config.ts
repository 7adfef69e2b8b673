import { z } from 'zod';
import { serviceEnv } from '@hearth/config';

export const intakeEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3002),
  /** `keyId:base64(32 bytes)[,keyId:...]`; keep old keys listed after a rotation. */
  SSN_KEYS: z.string().min(1),
  SSN_ACTIVE_KEY_ID: z.string().min(1),
  /** Days a referral's release lasts from the referral date when no word ends it sooner. */
  REFERRAL_RELEASE_DAYS: z.coerce.number().int().min(1).max(366).default(90),
});
export type IntakeEnv = z.infer<typeof intakeEnv>;
