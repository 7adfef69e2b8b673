// The files of a new service, in the house layout (ARCHITECTURE.md, "Layout"). Each one is the
// smallest real thing of its kind: a zod config, the shared boot sequence, a libs/http app with
// /healthz /readyz /metrics /openapi.json, a first migration, an events room, and tests that start
// it against the real servers.

const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const title = (name) => name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');

export function serviceFiles(s) {
  const id = camel(s.name);
  const Type = id.charAt(0).toUpperCase() + id.slice(1);
  const resource = s.resources[0];
  const libs = ['config', 'logging', 'http', 'auth', 'db', 'bus', 'events', 'runtime'];
  if (s.readsParticipants) libs.push('access');
  return {
    'package.json': json({
      name: `@hearth/${s.name}`,
      version: '0.1.0',
      private: true,
      main: 'dist/main.js',
      dependencies: Object.fromEntries([
        ...libs.sort().map((lib) => [`@hearth/${lib}`, '*']),
        ['express', '^5.1.0'],
        ['zod', '^4.1.0'],
      ]),
      scripts: { start: 'node dist/main.js' },
    }),
    'tsconfig.json': json({
      extends: '../../tsconfig.base.json',
      compilerOptions: { rootDir: 'src', outDir: 'dist' },
      include: ['src'],
      references: libs.map((lib) => ({ path: `../../libs/${lib}` })),
    }),
    'README.md': `# ${s.name}

What this service is for, in a sentence of the domain's words.

- **Owns:** its database \`${s.database}\` (migrations in \`migrations/\`), served under \`/api/v1/${s.resources.join('`, `/api/v1/')}\`.
- **Publishes:** nothing yet. Events go through the outbox (\`@hearth/bus\`), their schemas in \`libs/events\`.
- **Consumes:** nothing yet (\`src/events/consumers.ts\`).
- **Jobs:** none yet (\`src/jobs/\`, on the shared singleton job, time injectable).

Local port under \`npm start\`: ${s.port}. Configuration: the common variables (README.md, "Configuration").
`,
    'src/main.ts': `import { loadConfigOrExit } from '@hearth/config';
import { startService } from '@hearth/runtime';
import { ${id} } from './app';
import { ${id}Env } from './config';

startService(${id}, loadConfigOrExit(${id}Env), { handleSignals: true }).catch((err) => {
  console.error('${s.name} failed to start:', err);
  process.exit(1);
});
`,
    'src/config.ts': `import type { z } from 'zod';
import { serviceEnv } from '@hearth/config';

/** Parsed once at start; the process refuses to start naming any variable at fault. */
export const ${id}Env = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(${s.port}),
});
export type ${Type}Env = z.infer<typeof ${id}Env>;
`,
    'src/app.ts': `import { join } from 'node:path';
${s.readsParticipants ? "import { accessAuditMigrations } from '@hearth/access';\n" : ''}import { authenticate } from '@hearth/auth';
import { createApp } from '@hearth/http';
import type { ServiceDefinition } from '@hearth/runtime';
import type { ${Type}Env } from './config';
import { consumers } from './events/consumers';
import { aboutRoutes } from './routes/about';

/** Mounts the routers and names the consumers and jobs; the rules live in domain/ and use-cases/. */
export const ${id}: ServiceDefinition<${Type}Env> = {
  name: '${s.name}',
  migrationsDir: join(__dirname, '..', 'migrations'),
${s.readsParticipants ? '  // Reads participants: denied reads are audited (libs/access).\n  sharedMigrations: [accessAuditMigrations],\n' : ''}  consumers: () => consumers,
  app: (ctx) =>
    createApp({
      service: '${s.name}',
      logger: ctx.logger,
      readiness: ctx.readiness,
      authenticate: authenticate(ctx.verify),
      routes: (api) => {
        aboutRoutes(api, { pool: ctx.pool });
      },
    }),
};
`,
    'src/routes/about.ts': `import { z } from 'zod';
import { defineRoute, type Api } from '@hearth/http';
import type { Pool } from '@hearth/db';
import { appliedMigrations } from '../store/migrations';

const answer = z.object({ service: z.literal('${s.name}'), migrations: z.array(z.string()) });

/** The first route: what this service is and which of its migrations ran (replace as it grows). */
export function aboutRoutes(api: Api, deps: { pool: Pool }) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/${resource}',
    summary: '${title(s.name)}: the service and the migrations applied to its database',
    tag: '${resource}',
    query: z.strictObject({}),
    success: { status: 200, schema: answer },
    handler: async () => ({
      service: '${s.name}' as const,
      migrations: await appliedMigrations(deps.pool, '${s.name}'),
    }),
  });
}
`,
    'src/store/migrations.ts': `import type { Pool } from '@hearth/db';

/** The names of this service's migrations that ran, in order (libs/db keeps them per scope). */
export async function appliedMigrations(pool: Pool, scope: string): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    'SELECT name FROM schema_migrations WHERE scope = $1 ORDER BY version',
    [scope],
  );
  return rows.map((row) => row.name);
}
`,
    'src/events/consumers.ts': `import type { ConsumerOptions } from '@hearth/bus';

/**
 * What this service consumes: one consumer per queue (\`${s.name}.<purpose>\`), each parsing its
 * events with the schemas of libs/events and recording them as processed in the same transaction
 * as their effect. Events it publishes are written to the outbox in the transaction of the change.
 */
export const consumers: ConsumerOptions[] = [];
`,
    [`migrations/001_${s.database}.sql`]: `-- ${s.name}'s first table. Migrations are numbered and forward-only: never edit one that ran,
-- add the next number instead.
CREATE TABLE ${s.database}_records (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
    'test/config.unit.test.ts': `import { ConfigError, loadConfig } from '@hearth/config';
import { ${id}Env } from '../src/config';

const complete = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/${s.database}',
  AMQP_URL: 'amqp://127.0.0.1:5672',
  JWKS_URL: 'http://127.0.0.1:3001/.well-known/jwks.json',
};

test('when DATABASE_URL is missing, the configuration is refused naming it', () => {
  const { DATABASE_URL: _omitted, ...withoutDatabase } = complete;
  expect(() => loadConfig(${id}Env, withoutDatabase)).toThrow(ConfigError);
  expect(() => loadConfig(${id}Env, withoutDatabase)).toThrow(/DATABASE_URL is required/);
});

test('when PORT is not set, it listens on its own local port ${s.port}', () => {
  expect(loadConfig(${id}Env, complete).PORT).toBe(${s.port});
});
`,
    'test/service.int.test.ts': `import { apiClient, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { ${id} } from '../src/app';
import { ${id}Env } from '../src/config';

/** The service on a fresh database, isolated on the shared broker, with the testkit's keys. */
let service: TestService;

beforeAll(async () => {
  service = await startServiceForTest(${id}, ${id}Env);
});
afterAll(() => service?.close());

test('it answers /healthz, and /readyz once its database and broker answer', async () => {
  expect((await fetch(\`\${service.url}/healthz\`)).status).toBe(200);
  const ready = await fetch(\`\${service.url}/readyz\`);
  expect(ready.status).toBe(200);
  expect(((await ready.json()) as { checks: unknown }).checks).toEqual({ database: 'ok', broker: 'ok' });
});

test('its first migration ran on its own database', async () => {
  const answer = await apiClient(service.url, testActor()).get('/${resource}');
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({ service: '${s.name}', migrations: ['001_${s.database}.sql'] });
  const table = await service.pool.query("SELECT to_regclass('${s.database}_records') AS name");
  expect(table.rows[0].name).toBe('${s.database}_records');
});

test('without a token its API answers 401 problem+json', async () => {
  const res = await fetch(\`\${service.url}/api/v1/${resource}\`);
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toMatch(/application\\/problem\\+json/);
});

test('its OpenAPI document lists its route', async () => {
  const doc = (await (await fetch(\`\${service.url}/openapi.json\`)).json()) as {
    paths: Record<string, unknown>;
  };
  expect(Object.keys(doc.paths)).toContain('/api/v1/${resource}');
});
`,
  };
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
