import { join } from 'node:path';
import { authenticate } from '@hearth/auth';
import { createApp } from '@hearth/http';
import type { ServiceDefinition } from '@hearth/runtime';
import { participantRoutes } from './routes/participants';

export const intake: ServiceDefinition = {
  name: 'intake',
  migrationsDir: join(__dirname, '..', 'migrations'),
  app: (ctx) =>
    createApp({
      service: 'intake',
      logger: ctx.logger,
      readiness: ctx.readiness,
      authenticate: authenticate(ctx.verify),
      routes: (api) => {
        participantRoutes(api, ctx);
      },
    }),
};
