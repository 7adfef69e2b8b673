import { join } from 'node:path';
import { accessAuditMigrations } from '@hearth/access';
import { authenticate } from '@hearth/auth';
import { directoryMigrations } from '@hearth/directory';
import { familyFactsMigrations } from '@hearth/families';
import { createApp, idempotencyMigrations } from '@hearth/http';
import { peopleMigrations } from '@hearth/people';
import type { ServiceDefinition } from '@hearth/runtime';
import { planGoalFactsMigrations } from '@hearth/plan-goals';
import { sharingFactsMigrations } from '@hearth/sharing';
import type { ServicesEnv } from './config';
import type { ServicesDeps } from './deps';
import { consumers } from './events/consumers';
import { idempotencyKeysJob } from './jobs/idempotency-keys';
import { aboutRoutes } from './routes/about';
import { caseNoteRoutes } from './routes/case-notes';
import { gradePromotionRoutes } from './routes/grade-promotions';
import { manyServicesRoutes } from './routes/many-services';
import { serviceTypeRoutes } from './routes/service-types';
import { serviceRoutes } from './routes/services';

/** Mounts the routers and names the consumers and jobs; the rules live in domain/ and use-cases/. */
export const services: ServiceDefinition<ServicesEnv> = {
  name: 'services',
  migrationsDir: join(__dirname, '..', 'migrations'),
  // Reads participants: who may see them comes from intake's sharing facts, denials are audited.
  // Identity's organizations and users (directory): the time zone and the staff of a record.
  // Replayed requests (Idempotency-Key) answer what they answered the first time.
  sharedMigrations: [
    accessAuditMigrations,
    sharingFactsMigrations,
    directoryMigrations,
    familyFactsMigrations, // households, for a service given to a family
    planGoalFactsMigrations, // FSSP goals and barriers a service may name
    idempotencyMigrations,
    peopleMigrations, // intake's links of records as one person, listed together
  ],
  consumers,
  jobs: (ctx) => [idempotencyKeysJob(ctx.config.IDEMPOTENCY_CLEANUP_EVERY_MS)],
  app: (ctx) => {
    const deps: ServicesDeps = ctx;
    return createApp({
      service: 'services',
      logger: deps.logger,
      readiness: deps.readiness,
      metrics: deps.metrics, // the parked-message (dead-letter) gauge of its consumers
      authenticate: authenticate(deps.verify),
      bodyLimit: '256kb', // a service for 1,000 participants is about 100 kB
      routes: (api) => {
        aboutRoutes(api, deps);
        serviceTypeRoutes(api, deps);
        manyServicesRoutes(api, deps); // before /services/:id
        serviceRoutes(api, deps); // after about: /services/about before /services/:id
        caseNoteRoutes(api, deps);
        gradePromotionRoutes(api, deps);
      },
    });
  },
};
