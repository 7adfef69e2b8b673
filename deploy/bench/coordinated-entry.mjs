// Coordinated entry (referrals): the housing queue in its configured order over `entries` people,
// p95 of one page (goal ≤ 50 ms), and 20 concurrent matches of one vacancy (exactly one wins).
// A started referrals process on a fresh database of its own, seeded in SQL; BENCH_QUEUE_ENTRIES
// shrinks a smoke run. Direct to the service: the gateway's own overhead is the gateway bench's.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { percentiles, servers } from './common.mjs';

const require = createRequire(import.meta.url);
const { publicJwk } = require('@hearth/auth');
const { mintToken, testPrivateKeyPem } = require('@hearth/testkit');
const root = join(import.meta.dirname, '..', '..');
const DB = 'bench_coordinated_entry';
const URL_ = 'http://127.0.0.1:3951';
const COMMUNITY_QUEUE = '00000000-0000-4000-8000-00000000c001';
const INDEX = '00000000-0000-4000-8000-00000000a001';

async function freshDatabase(adminUrl) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${DB}`;
  return url.toString();
}

async function healthy(url) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not start`);
}

/** `count` people of `orgId` on `queueId`, each assessed, with spread scores and dates; their entry ids. */
async function seedQueue(db, { orgId, queueId, count }) {
  const { rows } = await db.query(
    `WITH p AS (
       SELECT gen_random_uuid() AS participant_id, gen_random_uuid() AS assessment_id,
              gen_random_uuid() AS entry_id, i FROM generate_series(1, $3::int) AS i),
     s AS (INSERT INTO sharing_facts (participant_id, owner_org_id, security_restriction, releases, sharing_version)
           SELECT participant_id, $1, 'restrict_to_org', '[]', 1 FROM p),
     a AS (INSERT INTO assessments (id, participant_id, org_id, assessed_by, definition_id,
             definition_version, assessment_date, score, answers, created_at)
           SELECT assessment_id, participant_id, $1, $1, '${INDEX}', 1, '2026-01-01', i % 10, '[]', now()
           FROM p)
     INSERT INTO queue_entries (id, queue_id, participant_id, assessment_id, score, homeless_since,
       household_size, added_at, added_by, added_by_org_id)
     SELECT entry_id, $2, participant_id, assessment_id, i % 10, date '2024-01-01' + (i % 700),
            1 + i % 5, now() - make_interval(secs => i), $1, $1 FROM p
     RETURNING id`,
    [orgId, queueId, count],
  );
  return rows.map((r) => r.id);
}

export async function benchCoordinatedEntry({ entries = 10_000, pages = 200, races = 5 } = {}) {
  const { amqpUrl, postgresUrl } = await servers();
  const url = await freshDatabase(postgresUrl);
  const jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({ keys: [publicJwk({ kid: 'test-key', privateKeyPem: testPrivateKeyPem })] }),
    );
  }).listen(3959, '127.0.0.1');
  const service = spawn(process.execPath, [join(root, 'services/referrals/dist/main.js')], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      PORT: '3951',
      DATABASE_URL: url,
      AMQP_URL: amqpUrl,
      JWKS_URL: 'http://127.0.0.1:3959/jwks.json',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const db = new pg.Client({ connectionString: url });
  try {
    await healthy(URL_);
    await db.connect();
    const orgId = randomUUID();
    const manager = mintToken({
      userId: randomUUID(),
      orgId,
      roles: ['ce_manager'],
      name: 'Bench',
    });
    const call = async (method, path, body) => {
      const t = performance.now();
      const res = await fetch(`${URL_}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${manager}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: await res.json(), ms: performance.now() - t };
    };

    await seedQueue(db, { orgId, queueId: COMMUNITY_QUEUE, count: entries });
    await db.query('ANALYZE');
    // one page of 50 at a time, from the top and deeper by the cursor, starting over at the end
    const times = [];
    let cursor = null;
    await call('GET', '/housing-queue?limit=50'); // warm up
    for (let i = 0; i < pages; i++) {
      const page = await call('GET', `/housing-queue?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      if (page.status !== 200 || page.body.items.length === 0)
        throw new Error(
          `queue page answered ${page.status}: ${JSON.stringify(page.body).slice(0, 300)}`,
        );
      times.push(page.ms);
      cursor = page.body.nextCursor;
    }
    const queue = { entries, pages, pageSize: 50, ...percentiles(times) };

    // 20 concurrent matches of one vacancy, `races` times, each with 20 fresh waiting entries
    const rounds = [];
    for (let r = 0; r < races; r++) {
      const vacancy = await call('POST', '/vacancies', {
        program: 'Bench housing',
        unitType: 'studio',
        householdSize: 5,
        availableFrom: '2026-12-15',
      });
      const contenders = await seedQueue(db, { orgId, queueId: COMMUNITY_QUEUE, count: 20 });
      const t = performance.now();
      const answers = await Promise.all(
        contenders.map((queueEntryId) =>
          call('POST', `/vacancies/${vacancy.body.id}/match`, { queueEntryId }),
        ),
      );
      rounds.push({
        wallMs: performance.now() - t,
        won: answers.filter((a) => a.status === 201).length,
        refused409: answers.filter((a) => a.status === 409).length,
        other: answers.filter((a) => a.status !== 201 && a.status !== 409).length,
        times: answers.map((a) => a.ms),
      });
    }
    const race = {
      rounds: races,
      concurrent: 20,
      exactlyOneWinner: rounds.every((r) => r.won === 1 && r.refused409 === 19 && r.other === 0),
      wallP50Ms: percentiles(rounds.map((r) => r.wallMs)).p50Ms,
      ...Object.fromEntries(
        Object.entries(percentiles(rounds.flatMap((r) => r.times))).map(([k, v]) => [
          `request${k[0].toUpperCase()}${k.slice(1)}`,
          v,
        ]),
      ),
    };
    return { 'housing-queue': queue, 'vacancy-race': race };
  } finally {
    await db.end().catch(() => {});
    service.kill('SIGTERM');
    jwks.close();
  }
}
