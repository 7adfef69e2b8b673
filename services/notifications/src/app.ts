import { join } from 'node:path';
import { accessAuditMigrations } from '@hearth/access';
import { authenticate } from '@hearth/auth';
import { createApp } from '@hearth/http';
import { peopleMigrations } from '@hearth/people';
import type { ServiceDefinition } from '@hearth/runtime';
import { sharingFactsMigrations } from '@hearth/sharing';
import type { NotificationsEnv } from './config';
import type { NotificationsDeps } from './deps';
import { consumers } from './events/consumers';
import { jobs } from './jobs/jobs';
import { aboutRoutes } from './routes/about';
import { auditRoutes } from './routes/audit';
import { helpTicketRoutes } from './routes/help-tickets';
import { mailAddressRoutes } from './routes/mail-address';
import { noticeRoutes } from './routes/notices';

/** Mounts the routers and names the consumers and jobs; the rules live in domain/ and use-cases/. */
export const notifications: ServiceDefinition<NotificationsEnv> = {
  name: 'notifications',
  migrationsDir: join(__dirname, '..', 'migrations'),
  // Reads participants: who may see them comes from intake's sharing facts, denials are audited;
  // intake's links of records as one person list a person's notices and trail together.
  sharedMigrations: [accessAuditMigrations, sharingFactsMigrations, peopleMigrations],
  consumers,
  jobs,
  app: (ctx) => {
    const deps: NotificationsDeps = ctx;
    return createApp({
      service: 'notifications',
      logger: deps.logger,
      readiness: deps.readiness,
      metrics: deps.metrics, // the parked-message (dead-letter) gauge of its consumers
      authenticate: authenticate(deps.verify),
      routes: (api) => {
        aboutRoutes(api, deps);
        noticeRoutes(api, deps);
        mailAddressRoutes(api, deps);
        auditRoutes(api, deps);
        helpTicketRoutes(api, deps);
      },
    });
  },
};
