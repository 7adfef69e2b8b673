import { join } from 'node:path';
import { authenticate } from '@hearth/auth';
import { createApp } from '@hearth/http';
import type { ServiceDefinition } from '@hearth/runtime';
import { participantFactsConsumer } from './events/participants';

export const enrollment: ServiceDefinition = {
  name: 'enrollment',
  migrationsDir: join(__dirname, '..', 'migrations'),
  consumers: () => [participantFactsConsumer],
  app: (ctx) =>
    createApp({
      service: 'enrollment',
      logger: ctx.logger,
      readiness: ctx.readiness,
      authenticate: authenticate(ctx.verify),
      routes: () => {
        // programs, eligibility and enrollments arrive with their own issue
      },
    }),
};
