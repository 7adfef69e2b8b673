import { z } from 'zod';
import { serviceEnv } from '@hearth/config';

/** Parsed once at start; the process refuses to start naming any variable at fault. */
export const notificationsEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(3009),
  /** The mail server (smtp://host:port or smtps://user:pass@host); unset: mail waits in its queue. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'Use smtp://host:port or smtps://host:port')
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Hearth <no-reply@hearth.invalid>'),
  /** Where a mail's link leads: the gateway users reach. */
  PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:8080'),
  /** How often the mail job sends what is due (retries wait longer: see domain/mail.ts). */
  MAIL_EVERY_MS: z.coerce.number().int().min(1000).default(10_000),
});
export type NotificationsEnv = z.infer<typeof notificationsEnv>;
