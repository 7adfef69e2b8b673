import { join } from 'node:path';
import { accessAuditMigrations } from '@hearth/access';
import { authenticate } from '@hearth/auth';
import { createApp } from '@hearth/http';
import type { ServiceDefinition } from '@hearth/runtime';
import { sharingFactsConsumer, sharingFactsMigrations } from '@hearth/sharing';
import type { EnrollmentEnv } from './config';
import { systemClock, type Clock } from '@hearth/time';
import { familiesConsumer } from './events/families';
import { participantFactsConsumer } from './events/participants';
import { servicesConsumer } from './events/services';
import { scheduleAutoExit } from './jobs/auto-exit';
import { eligibilityRoutes } from './routes/eligibility';
import { enrollmentRoutes } from './routes/enrollments';
import { exitRoutes } from './routes/exits';
import { memberRoutes } from './routes/members';
import { programRoutes } from './routes/programs';
import { registrationRoutes } from './routes/registration';

export interface EnrollmentOptions {
  /** "Now" for dates, access decisions and the auto-exit job; tests move it to day 91. */
  clock?: Clock;
  autoExitEveryMs?: number;
  /** Tests that are not about auto exit turn the job off, so it never exits their records. */
  autoExit?: boolean;
}

export function enrollmentService(
  options: EnrollmentOptions = {},
): ServiceDefinition<EnrollmentEnv> {
  const clock = options.clock ?? systemClock;
  return {
    name: 'enrollment',
    migrationsDir: join(__dirname, '..', 'migrations'),
    sharedMigrations: [accessAuditMigrations, sharingFactsMigrations],
    consumers: (ctx) => [
      participantFactsConsumer,
      sharingFactsConsumer('enrollment.sharing-facts'),
      familiesConsumer,
      servicesConsumer(ctx.logger),
    ],
    jobs: (ctx) =>
      options.autoExit === false
        ? []
        : [
            scheduleAutoExit(
              ctx.pool,
              ctx.logger,
              clock,
              options.autoExitEveryMs ?? ctx.config.AUTO_EXIT_EVERY_MS,
            ),
          ],
    app: (ctx) => {
      const deps = { pool: ctx.pool, clock };
      return createApp({
        service: 'enrollment',
        logger: ctx.logger,
        readiness: ctx.readiness,
        metrics: ctx.metrics,
        authenticate: authenticate(ctx.verify),
        routes: (api) => {
          programRoutes(api, deps);
          eligibilityRoutes(api, deps);
          enrollmentRoutes(api, deps);
          memberRoutes(api, deps);
          registrationRoutes(api, deps);
          exitRoutes(api, deps);
        },
      });
    },
  };
}

export const enrollment = enrollmentService();
