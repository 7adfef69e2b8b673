// Quick services: one service for 1,000 participants per request, through the gateway, on a started
// services process with its own fresh database (read models seeded in SQL: sharing facts, enrollments,
// a catalog type). Goal: p50 ≤ 1 s per 1,000-row request. BENCH_ROWS shrinks a smoke run.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import pg from 'pg';
import { percentiles } from './common.mjs';
import { startServicesStack } from './services-stack.mjs';

const require = createRequire(import.meta.url);
const { mintToken } = require('@hearth/testkit');

/** `rows` participants of `orgId`, visible to it, each enrolled in `programId`, and a plain type. */
async function seed(url, { orgId, programId, typeId, rows }) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const participants = Array.from({ length: rows }, () => randomUUID());
  const enrollments = participants.map(() => randomUUID());
  await db.query(
    `INSERT INTO sharing_facts (participant_id, owner_org_id, security_restriction, releases, sharing_version)
     SELECT unnest($1::uuid[]), $2, 'restrict_to_org', '[]', 1`,
    [participants, orgId],
  );
  await db.query(
    `INSERT INTO enrollments (id, program_id, org_id, head_participant_id, application_date, status, snapshot_at)
     SELECT e, $3, $2, p, '2020-01-01', 'participation', now()
     FROM unnest($1::uuid[], $4::uuid[]) AS t (p, e)`,
    [participants, orgId, programId, enrollments],
  );
  await db.query('INSERT INTO enrollment_members SELECT * FROM unnest($1::uuid[], $2::uuid[])', [
    enrollments,
    participants,
  ]);
  await db.query(
    `INSERT INTO service_types (id, org_id, program_id, name, requires_comment, requires_provided_by,
       provided_by_options, starts_participation, updates_last_qualifying_date, dated, training,
       units_allowed, amount_allowed, created_by)
     VALUES ($1, $2, $3, 'Case management', false, false, '{}', true, true, false, false, false, false, $2)`,
    [typeId, orgId, programId],
  );
  await db.end();
  return participants.map((participantId, i) => ({ participantId, enrollmentId: enrollments[i] }));
}

export async function benchQuickServices({ requests = 10, rows = 1000 } = {}) {
  const stack = await startServicesStack('bench_quick_services', {
    services: 3921,
    gateway: 3920,
    jwks: 3929,
  });
  const url = stack.databaseUrl;
  try {
    const orgId = randomUUID();
    const serviceTypeId = randomUUID();
    const body = {
      serviceTypeId,
      serviceDate: new Date().toISOString().slice(0, 10),
      mode: 'all_or_nothing',
      rows: await seed(url, { orgId, programId: randomUUID(), typeId: serviceTypeId, rows }),
    };
    const token = mintToken({ userId: randomUUID(), orgId, roles: ['caseworker'], name: 'Bench' });
    const post = async () => {
      const t = performance.now();
      const res = await fetch(`${stack.gatewayUrl}/api/v1/services/quick`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = await res.json();
      if (res.status !== 201 || answer.recorded.length !== rows)
        throw new Error(
          `quick services answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`,
        );
      return performance.now() - t;
    };
    await post(); // warm up
    const times = [];
    for (let i = 0; i < requests; i++) times.push(await post());
    const { p50Ms, maxMs } = percentiles(times);
    const seconds = times.reduce((a, b) => a + b, 0) / 1000;
    return {
      requests,
      rowsPerRequest: rows,
      p50Ms,
      maxMs,
      rowsPerSec: Math.round((requests * rows) / seconds),
    };
  } finally {
    stack.stop();
  }
}
