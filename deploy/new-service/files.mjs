// The files of a new service, in the house layout and dependencies convention (ARCHITECTURE.md,
// "Layout"): src/deps.ts (<Name>Deps, the runtime's ServiceContext), a thin first route calling one
// use case, a pure domain rule with its unit test, an events room, and tests that start it against
// the real servers. `readsParticipants` adds intake's sharing facts (libs/sharing), the access-denial
// audit and a route gated by libs/access; `jobs` adds the jobs room.

const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const title = (name) => name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');
const lines = (...parts) => parts.filter((part) => part !== false && part !== undefined).join('');

export function serviceFiles(s) {
  const id = camel(s.name);
  const Type = id.charAt(0).toUpperCase() + id.slice(1);
  const Deps = `${Type}Deps`;
  const resource = s.resources[0];
  const libs = ['config', 'logging', 'http', 'auth', 'db', 'bus', 'events', 'runtime'];
  if (s.readsParticipants) libs.push('access', 'sharing');
  return {
    ...common(s, { id, Type, Deps, resource, libs }),
    ...(s.readsParticipants ? participantFiles(s, { Deps, resource }) : {}),
    ...(s.jobs ? jobFiles(s, { Deps }) : {}),
  };
}

function common(s, { id, Type, Deps, resource, libs }) {
  return {
    'package.json': json({
      name: `@hearth/${s.name}`,
      version: '0.1.0',
      private: true,
      main: 'dist/main.js',
      dependencies: Object.fromEntries([
        ...[...libs].sort().map((lib) => [`@hearth/${lib}`, '*']),
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
- **Consumes:** ${s.readsParticipants ? `intake's sharing facts (\`${s.name}.sharing-facts\`, libs/sharing), which decide who sees a participant` : 'nothing yet'} (\`src/events/consumers.ts\`).
- **Jobs:** ${s.jobs ? '`src/jobs/jobs.ts`, time from `deps.clock()`' : 'none (generate with `--jobs`, or add `src/jobs/` when one is needed)'}.

Code: \`routes/\` validate → gate → one \`use-cases/\` action → respond; rules in \`domain/\` (pure);
SQL in \`store/\`; \`deps.ts\` is what every route, use case, consumer and job is given (add the
service's own adapters there, from \`adapters/\`). Local port under \`npm start\`: ${s.port}.
Configuration: the common variables (README.md, "Configuration").
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
    'src/deps.ts': `import type { ServiceContext } from '@hearth/runtime';
import type { ${Type}Env } from './config';

/**
 * What every route module, use case, consumer and job of ${s.name} is given, built once in app.ts:
 * the runtime's context (config, logger, pool, broker, verify, readiness, metrics, clock). When the
 * service gets adapters of its own (adapters/: crypto, outbound clients), they join it here:
 * \`interface ${Deps} extends ServiceContext<${Type}Env> { mailer: Mailer }\`.
 */
export type ${Deps} = ServiceContext<${Type}Env>;
`,
    'src/app.ts': lines(
      `import { join } from 'node:path';\n`,
      s.readsParticipants && `import { accessAuditMigrations } from '@hearth/access';\n`,
      `import { authenticate } from '@hearth/auth';
import { createApp } from '@hearth/http';
import type { ServiceDefinition } from '@hearth/runtime';
`,
      s.readsParticipants && `import { sharingFactsMigrations } from '@hearth/sharing';\n`,
      `import type { ${Type}Env } from './config';
import type { ${Deps} } from './deps';
import { consumers } from './events/consumers';
`,
      s.jobs && `import { jobs } from './jobs/jobs';\n`,
      `import { aboutRoutes } from './routes/about';\n`,
      s.readsParticipants && `import { participantRoutes } from './routes/participants';\n`,
      `
/** Mounts the routers and names the consumers and jobs; the rules live in domain/ and use-cases/. */
export const ${id}: ServiceDefinition<${Type}Env> = {
  name: '${s.name}',
  migrationsDir: join(__dirname, '..', 'migrations'),
`,
      s.readsParticipants &&
        `  // Reads participants: who may see them comes from intake's sharing facts, denials are audited.
  sharedMigrations: [accessAuditMigrations, sharingFactsMigrations],
`,
      `  consumers,
`,
      s.jobs && `  jobs,\n`,
      `  app: (ctx) => {
    const deps: ${Deps} = ctx;
    return createApp({
      service: '${s.name}',
      logger: deps.logger,
      readiness: deps.readiness,
      metrics: deps.metrics, // the parked-message (dead-letter) gauge of its consumers
      authenticate: authenticate(deps.verify),
      routes: (api) => {
        aboutRoutes(api, deps);
`,
      s.readsParticipants && `        participantRoutes(api, deps);\n`,
      `      },
    });
  },
};
`,
    ),
    'src/routes/about.ts': `import { z } from 'zod';
import { defineRoute, type Api } from '@hearth/http';
import type { ${Deps} } from '../deps';
import { describeService } from '../use-cases/describe-service';

const answer = z.object({
  service: z.literal('${s.name}'),
  migrations: z.array(z.string()),
  schemaVersion: z.number().int(),
});

/** The first route (replace it as the service grows): validate → one use case → respond. */
export function aboutRoutes(api: Api, deps: ${Deps}) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/${resource}/about',
    summary: '${title(s.name)}: the service and the schema version of its database',
    tag: '${resource}',
    query: z.strictObject({}),
    success: { status: 200, schema: answer },
    handler: async () => ({ service: '${s.name}' as const, ...(await describeService(deps)) }),
  });
}
`,
    'src/use-cases/describe-service.ts': `import type { ${Deps} } from '../deps';
import { schemaVersion } from '../domain/schema';
import { appliedMigrations } from '../store/migrations';

/** The first use case: which migrations ran on this service's database, and what version that is. */
export async function describeService(deps: Pick<${Deps}, 'pool'>) {
  const migrations = await appliedMigrations(deps.pool, '${s.name}');
  return { migrations, schemaVersion: schemaVersion(migrations) };
}
`,
    'src/domain/schema.ts': `/**
 * A pure rule (no I/O, no HTTP errors): the schema version is the highest number among the
 * migrations that ran (\`010_more.sql\` is 10), compared as numbers, never as text; 0 before any.
 */
export function schemaVersion(migrations: readonly string[]): number {
  return Math.max(0, ...migrations.map((name) => Number.parseInt(name, 10) || 0));
}
`,
    'src/store/migrations.ts': `import type { Queryable } from '@hearth/db';

/** The names of this service's migrations that ran, in order (libs/db keeps them per scope). */
export async function appliedMigrations(db: Queryable, scope: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    'SELECT name FROM schema_migrations WHERE scope = $1 ORDER BY version',
    [scope],
  );
  return rows.map((row) => row.name);
}
`,
    'src/events/consumers.ts': lines(
      `import type { ConsumerOptions } from '@hearth/bus';\n`,
      s.readsParticipants && `import { sharingFactsConsumer } from '@hearth/sharing';\n`,
      `import type { ${Deps} } from '../deps';

/**
 * What this service consumes: one consumer per queue (\`${s.name}.<purpose>\`), each parsing its
 * events with the schemas of libs/events and calling one use case in the transaction that records
 * the event as processed. Events it publishes are written to the outbox in the transaction of the
 * change.
 */
export function consumers(_deps: ${Deps}): ConsumerOptions[] {
`,
      s.readsParticipants
        ? `  // Who may see each participant: intake's versioned sharing state, newest version wins.
  return [sharingFactsConsumer('${s.name}.sharing-facts')];
`
        : `  return [];
`,
      `}
`,
    ),
    [`migrations/001_${s.database}.sql`]: lines(
      `-- ${s.name}'s first table. Migrations are numbered and forward-only: never edit one that ran,
-- add the next number instead.
CREATE TABLE ${s.database}_records (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
`,
      s.readsParticipants && `  participant_id uuid NOT NULL,\n`,
      `  created_at timestamptz NOT NULL DEFAULT now()
);
`,
      s.readsParticipants &&
        `CREATE INDEX ${s.database}_records_participant ON ${s.database}_records (participant_id, created_at);\n`,
    ),
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
    'test/schema.unit.test.ts': `import { schemaVersion } from '../src/domain/schema';

test('the schema version is the highest migration number, compared as numbers (10 after 9)', () => {
  expect(schemaVersion(['001_first.sql', '010_tenth.sql', '009_ninth.sql'])).toBe(10);
});

test('before any migration ran, the schema version is 0', () => {
  expect(schemaVersion([])).toBe(0);
});
`,
    'test/service.int.test.ts': serviceTest(s, { id, Type, resource }),
  };
}

function serviceTest(s, { id, resource }) {
  return lines(
    s.readsParticipants && `import { randomUUID } from 'node:crypto';\n`,
    s.readsParticipants && `import { applySharingState } from '@hearth/sharing';\n`,
    `import { apiClient, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
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
  expect(((await ready.json()) as { checks: Record<string, string> }).checks).toMatchObject({
    database: 'ok',
    broker: 'ok',
  });
});

test('its first migration ran on its own database', async () => {
  const answer = await apiClient(service.url, testActor()).get('/${resource}/about');
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    service: '${s.name}',
    migrations: ['001_${s.database}.sql'],
    schemaVersion: 1,
  });
  const table = await service.pool.query("SELECT to_regclass('${s.database}_records') AS name");
  expect(table.rows[0].name).toBe('${s.database}_records');
});

test('without a token its API answers 401 problem+json', async () => {
  const res = await fetch(\`\${service.url}/api/v1/${resource}/about\`);
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toMatch(/application\\/problem\\+json/);
});

test('its OpenAPI document lists its route', async () => {
  const doc = (await (await fetch(\`\${service.url}/openapi.json\`)).json()) as {
    paths: Record<string, unknown>;
  };
  expect(Object.keys(doc.paths)).toContain('/api/v1/${resource}/about');
});

test('its /metrics carries the parked-message gauge of its consumers', async () => {
  const text = await (await fetch(\`\${service.url}/metrics\`)).text();
  expect(text).toMatch(/^# HELP hearth_dead_letter_messages /m);
});
`,
    s.readsParticipants &&
      `
test('a participant whose sharing has not arrived here answers 404, as if unknown (never fail open)', async () => {
  const answer = await apiClient(service.url, testActor()).get(
    \`/${resource}/participants/\${randomUUID()}/records\`,
  );
  expect(answer.status).toBe(404);
});

test("once a participant's sharing arrives, their owner organization reads their records", async () => {
  const owner = testActor();
  const participantId = randomUUID();
  await applySharingState(service.pool, {
    participantId,
    ownerOrgId: owner.orgId,
    securityRestriction: 'restrict_to_org',
    releases: [],
    sharingVersion: 1,
  });
  const answer = await apiClient(service.url, owner).get(
    \`/${resource}/participants/\${participantId}/records\`,
  );
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({ items: [] });
});

test('another organization without a release is answered 404 for the same participant', async () => {
  const participantId = randomUUID();
  await applySharingState(service.pool, {
    participantId,
    ownerOrgId: randomUUID(),
    securityRestriction: 'restrict_to_org',
    releases: [],
    sharingVersion: 1,
  });
  const answer = await apiClient(service.url, testActor()).get(
    \`/${resource}/participants/\${participantId}/records\`,
  );
  expect(answer.status).toBe(404);
});
`,
  );
}

/** With --reads-participants: a route gated by libs/access over the sharing facts kept here. */
function participantFiles(s, { Deps, resource }) {
  return {
    'src/routes/participant-gate.ts': `import { participantGate } from '@hearth/access';
import { sharingOf } from '@hearth/sharing';

/**
 * Every participant-scoped route goes through this gate: the sharing facts kept from intake's
 * events decide (libs/access); a denied read answers 404 exactly like an unknown participant and is
 * audited. A participant whose sharing has not arrived is unknown here: never fail open. Call it
 * with the pool, never a transaction's client (the denial is written after the answer).
 */
export const participantFor = participantGate(async (db, participantId) => {
  const sharing = (await sharingOf(db, [participantId])).get(participantId);
  return sharing && { participantId, sharing };
});
`,
    'src/routes/participants.ts': `import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, type Api } from '@hearth/http';
import type { ${Deps} } from '../deps';
import { listParticipantRecords } from '../use-cases/list-participant-records';
import { participantFor } from './participant-gate';

const record = z.object({ id: z.string().uuid(), createdAt: z.string() });

export function participantRoutes(api: Api, deps: ${Deps}) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/${resource}/participants/:id/records',
    summary: "A participant's ${s.name} records, when their sharing lets you see them",
    tag: '${resource}',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(record) }) },
    handler: async ({ params, req }) => {
      await participantFor(deps.pool, actorOf(req), params.id, 'read', deps.clock());
      return { items: await listParticipantRecords(deps, params.id) };
    },
  });
}
`,
    'src/use-cases/list-participant-records.ts': `import type { ${Deps} } from '../deps';
import { recordsOf } from '../store/records';

/** The records kept for one participant, newest first (the route has passed the gate). */
export function listParticipantRecords(deps: Pick<${Deps}, 'pool'>, participantId: string) {
  return recordsOf(deps.pool, participantId);
}
`,
    'src/store/records.ts': `import type { Queryable } from '@hearth/db';

export async function recordsOf(db: Queryable, participantId: string) {
  const { rows } = await db.query<{ id: string; createdAt: string }>(
    \`SELECT id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
     FROM ${s.database}_records WHERE participant_id = $1 ORDER BY created_at DESC LIMIT 200\`,
    [participantId],
  );
  return rows;
}
`,
  };
}

/** With --jobs: the jobs room, wired into the ServiceDefinition. */
function jobFiles(s, { Deps }) {
  return {
    'src/jobs/jobs.ts': `import type { ScheduledJob } from '@hearth/runtime';
import type { ${Deps} } from '../deps';

/**
 * Scheduled work: each job is \`{ name, everyMs, run }\`; the runtime runs it on its interval under
 * an advisory lock named after the service and the job, so with several replicas one at a time
 * runs it. \`run\` calls one use case with \`deps.clock()\` as "now" (tests move the clock).
 */
export function jobs(_deps: ${Deps}): ScheduledJob<${Deps}>[] {
  return [];
}
`,
  };
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
