import { join } from 'node:path';
import { actorOf, authenticate } from '@hearth/auth';
import { accessAuditMigrations } from '@hearth/access';
import { createApp } from '@hearth/http';
import type { ServiceDefinition } from '@hearth/runtime';
import { workflowMigrations, workflowRoutes } from '@hearth/workflows';
import { participantFor } from './access';
import type { IntakeEnv } from './config';
import { familyRoutes } from './routes/families';
import { participantRoutes } from './routes/participants';
import { searchRoutes } from './routes/search';
import { sharingRoutes } from './routes/sharing';
import { INTAKE_WORKFLOW_TYPES } from './workflows';
import { SsnCipher } from './ssn-cipher';

export const intake: ServiceDefinition<IntakeEnv> = {
  name: 'intake',
  migrationsDir: join(__dirname, '..', 'migrations'),
  sharedMigrations: [accessAuditMigrations, workflowMigrations],
  app: (ctx) => {
    const cipher = new SsnCipher(ctx.config.SSN_KEYS, ctx.config.SSN_ACTIVE_KEY_ID);
    return createApp({
      service: 'intake',
      logger: ctx.logger,
      readiness: ctx.readiness,
      authenticate: authenticate(ctx.verify),
      routes: (api) => {
        searchRoutes(api, ctx);
        participantRoutes(api, ctx, cipher);
        sharingRoutes(api, ctx);
        familyRoutes(api, ctx);
        workflowRoutes(api, ctx.pool, {
          types: INTAKE_WORKFLOW_TYPES,
          participantVisible: async (req, id) => {
            await participantFor(ctx.pool, actorOf(req), id, 'read');
          },
        });
      },
    });
  },
};
