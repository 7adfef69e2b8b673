// Rent assistance: the finance hub's batch of 5,000 payments through the gateway (goal ≤ 5 s), the
// same batch replayed (nothing new may be created), and 50 parallel payments against one plan's cap
// (the cap must hold to the cent). A started rent-assistance process on a fresh database of its
// own, read models seeded in SQL (sharing facts, reviewed records, a coaching service, plans).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { startServicesStack } from './services-stack.mjs';

const require = createRequire(import.meta.url);
const { mintToken } = require('@hearth/testkit');

const RENT_ASSISTANCE = {
  dir: 'services/rent-assistance',
  upstream: 'RENT_ASSISTANCE_URL',
  env: {},
  // a 5,000-row batch is about 2 MB: the gateway's own limit for the batch route
  // (PAYMENT_BATCH_BODY_LIMIT) and its default upstream timeout (5 s) hold it
  gatewayEnv: {},
};

/** `records` reviewed RA records of the hub, each with a coaching service and a plan of `capCents`. */
async function seed(url, { hubOrgId, records, capCents }) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const participants = Array.from({ length: records }, () => randomUUID());
  const enrollments = participants.map(() => randomUUID());
  const plans = participants.map(() => randomUUID());
  await db.query(
    `INSERT INTO sharing_facts (participant_id, owner_org_id, security_restriction, releases, sharing_version)
     SELECT unnest($1::uuid[]), $2, 'restrict_to_org', '[]', 1`,
    [participants, hubOrgId],
  );
  await db.query(
    `INSERT INTO ra_records (enrollment_id, program_id, coach_org_id, hub_org_id, participant_id,
       application_date, status, snapshot_at, reviewed_on, reviewed_by)
     SELECT e, $3, $2, $2, p, '2025-01-02', 'participation', now(), '2025-01-10', $2
     FROM unnest($1::uuid[], $4::uuid[]) AS t (p, e)`,
    [participants, hubOrgId, randomUUID(), enrollments],
  );
  await db.query(
    `INSERT INTO record_services (service_id, enrollment_id, participant_id, service_date, kind, version)
     SELECT gen_random_uuid(), e, p, '2025-01-05', 'coaching', 1
     FROM unnest($1::uuid[], $2::uuid[]) AS t (p, e)`,
    [participants, enrollments],
  );
  await db.query(
    `INSERT INTO payment_plans (id, enrollment_id, funding_source, approved_payment_types, cap_cents,
       target_end_date, created_by, created_at)
     SELECT pl, e, 'metro-ra', '{arrears,deposit}', $3, '2030-12-31', $4, now()
     FROM unnest($1::uuid[], $2::uuid[]) AS t (pl, e)`,
    [plans, enrollments, capCents, hubOrgId],
  );
  await db.end();
  return enrollments.map((enrollmentId, i) => ({ enrollmentId, planId: plans[i] }));
}

const payment = (r, month, amountCents) => ({
  rowKey: randomUUID(),
  enrollmentId: r.enrollmentId,
  planId: r.planId,
  paymentDate: '2026-01-15',
  paymentType: 'arrears',
  paidTo: 'landlord',
  payee: 'Bench Apartments',
  year: 2025,
  month,
  amountCents,
  housingType: 'rapid_rehousing',
  raEligible: true,
});

export async function benchRentAssistance({ rows = 5000 } = {}) {
  const stack = await startServicesStack(
    'bench_rent_assistance',
    { services: 3961, gateway: 3960, jwks: 3969 },
    RENT_ASSISTANCE,
  );
  try {
    const hubOrgId = randomUUID();
    const records = await seed(stack.databaseUrl, {
      hubOrgId,
      records: Math.ceil(rows / 10) + 1,
      capCents: 1_000_000,
    });
    const race = records.pop(); // the last record's plan is raced below
    const token = mintToken({
      userId: randomUUID(),
      orgId: hubOrgId,
      roles: ['hub_staff'],
      name: 'Bench',
    });
    const post = async (path, body, key) => {
      const res = await fetch(`${stack.gatewayUrl}/api/v1${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const count = async () =>
      Number((await db.query('SELECT count(*) FROM payments')).rows[0].count);

    // 10 months of arrears per record, 100.00 each
    const batch = {
      payments: Array.from({ length: rows }, (_, i) =>
        payment(records[Math.floor(i / 10)], (i % 10) + 1, 10_000),
      ),
    };
    const key = randomUUID();
    let t = performance.now();
    const first = await post('/payments/batch', batch, key);
    const batchMs = performance.now() - t;
    if (first.status !== 200)
      throw new Error(
        `batch answered ${first.status}: ${JSON.stringify(first.body).slice(0, 300)}`,
      );
    const entered = first.body.results.filter((r) => r.status === 201).length;
    const afterFirst = await count();
    t = performance.now();
    const replay = await post('/payments/batch', batch, key);
    const replayMs = performance.now() - t;
    const afterReplay = await count();

    // 50 parallel payments of 30,000 cents against a cap of 1,000,000: 33 fit (990,000)
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(
          '/payments',
          { ...payment(race, 1, 30_000), rowKey: undefined, year: 2000 + i },
          randomUUID(),
        ),
      ),
    );
    const {
      rows: [cap],
    } = await db.query(
      `SELECT coalesce(sum(amount_cents), 0)::int AS committed FROM payments WHERE plan_id = $1 AND status <> 'voided'`,
      [race.planId],
    );
    await db.end();
    return {
      batch: { rows, entered, ms: Math.round(batchMs), payments: afterFirst },
      replay: {
        ms: Math.round(replayMs),
        sameAnswer: isDeepStrictEqual(replay.body, first.body),
        createdNew: afterReplay - afterFirst,
      },
      capRace: {
        accepted: answers.filter((a) => a.status === 201).length,
        refused: answers.filter((a) => a.status === 422).length,
        committedCents: cap.committed,
        capCents: 1_000_000,
      },
    };
  } finally {
    stack.stop();
  }
}
