import { randomUUID } from 'node:crypto';
import {
  accessAuditMigrations,
  allowedParticipants,
  participantGate,
  type ParticipantSharing,
} from '@hearth/access';
import { busMigrations } from '@hearth/bus';
import { createPool, migrate, type Pool, type Queryable } from '@hearth/db';
import { Problem } from '@hearth/http';
import { runWithRequestId } from '@hearth/logging';
import { createTestDatabase, testLogger, waitFor } from '@hearth/testkit';

// The gate on a real Postgres: participants in a small table of sharing facts, denials audited in
// the access_denials table every service migrates.
const logger = testLogger('access');
const OWNER = randomUUID();
const STRANGER = { userId: randomUUID(), orgId: randomUUID(), roles: ['caseworker'] };
const NOW = new Date();

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;
const restricted = randomUUID();

async function find(q: Queryable, id: string) {
  const { rows } = await q.query('SELECT * FROM people WHERE id = $1', [id]);
  if (!rows[0]) return undefined;
  const sharing: ParticipantSharing = {
    ownerOrgId: rows[0].owner_org_id,
    restriction: rows[0].security_restriction,
    releases: [],
  };
  return { id: rows[0].id as string, sharing };
}
const gate = participantGate(find);

beforeAll(async () => {
  db = await createTestDatabase('gate');
  pool = createPool(db.url, logger);
  await migrate(pool, [busMigrations, accessAuditMigrations], logger);
  await pool.query(
    'CREATE TABLE people (id uuid PRIMARY KEY, owner_org_id uuid NOT NULL, security_restriction text NOT NULL)',
  );
  await pool.query("INSERT INTO people VALUES ($1, $2, 'restrict_to_org')", [restricted, OWNER]);
});
afterAll(async () => {
  await pool.end();
  await db.drop();
});

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (err: unknown) => (err instanceof Problem ? `${err.status} ${err.detail}` : String(err)),
  );
const denialsOf = async (id: string) =>
  (await pool.query('SELECT org_id, reason FROM access_denials WHERE participant_id = $1', [id]))
    .rows;

describe('the participant gate', () => {
  it('answers a denied participant exactly as one that does not exist', async () => {
    const denied = await outcome(gate(pool, STRANGER, restricted, 'read', NOW));
    const missing = await outcome(gate(pool, STRANGER, randomUUID(), 'read', NOW));
    expect(denied).toBe('404 The participant was not found.');
    expect(denied).toBe(missing);
  });

  it('when a denial is answered, it does not wait for its audit row, which is written after', async () => {
    const id = randomUUID();
    await pool.query("INSERT INTO people VALUES ($1, $2, 'restrict_to_org')", [id, OWNER]);
    // another session holds the audit table: an audit written before answering would wait on it
    const holder = await pool.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE access_denials IN ACCESS EXCLUSIVE MODE');
    try {
      const answered = await Promise.race([
        outcome(gate(pool, STRANGER, id, 'read', NOW)),
        new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2000)),
      ]);
      expect(answered).toBe('404 The participant was not found.');
    } finally {
      await holder.query('COMMIT');
      holder.release();
    }
    const audited = await waitFor(async () => (await denialsOf(id)).length > 0 && denialsOf(id));
    expect(audited).toEqual([{ org_id: STRANGER.orgId, reason: 'restricted_to_org' }]);
  });
});

describe('every decision of the gate is announced through the outbox for the one audit trail', () => {
  const announced = async (id: string) =>
    (
      await pool.query(
        `SELECT routing_key, envelope FROM outbox WHERE envelope->'data'->>'participantId' = $1`,
        [id],
      )
    ).rows;

  it('an allowed read and a denied write, each with who, organization, action, reason and request id', async () => {
    const id = randomUUID();
    await pool.query("INSERT INTO people VALUES ($1, $2, 'restrict_to_org')", [id, OWNER]);
    const owner = { userId: randomUUID(), orgId: OWNER, roles: ['caseworker'], name: 'Ada Worker' };
    await runWithRequestId('req-allowed', () =>
      gate(pool, owner, id, 'read', NOW, 'The case note'),
    );
    await runWithRequestId('req-denied', () => outcome(gate(pool, STRANGER, id, 'write', NOW)));
    await waitFor(async () => (await announced(id)).length === 2);
    const rows = await announced(id);
    const byRequest = Object.fromEntries(rows.map((r) => [r.envelope.requestId, r]));
    expect(byRequest['req-allowed']).toMatchObject({
      routing_key: 'access.participant.accessed',
      envelope: {
        orgId: OWNER,
        actor: { userId: owner.userId, name: 'Ada Worker' },
        data: {
          participantId: id,
          userId: owner.userId,
          orgId: OWNER,
          action: 'read',
          allowed: true,
          reason: 'same_org',
          what: 'The case note',
          at: NOW.toISOString(),
        },
      },
    });
    expect(byRequest['req-denied'].envelope.data).toMatchObject({
      userId: STRANGER.userId,
      orgId: STRANGER.orgId,
      action: 'write',
      allowed: false,
      reason: 'restricted_to_org',
      what: 'The participant',
    });
  });

  it('a participant not known here announces nothing (there is no one to attribute it to)', async () => {
    const id = randomUUID();
    await outcome(gate(pool, STRANGER, id, 'read', NOW));
    await new Promise((r) => setTimeout(r, 100));
    expect(await announced(id)).toEqual([]);
  });
});

describe('the gate for many participants', () => {
  it('allows the visible ones and audits each denied one with its reason, in one go', async () => {
    const own = randomUUID();
    const global = randomUUID();
    const hidden = randomUUID();
    const sharing = new Map<string, ParticipantSharing>([
      [own, { ownerOrgId: STRANGER.orgId, restriction: 'restrict_to_org', releases: [] }],
      [global, { ownerOrgId: OWNER, restriction: 'share_global', releases: [] }],
      [hidden, { ownerOrgId: OWNER, restriction: 'restrict_to_org', releases: [] }],
    ]);
    const allowed = allowedParticipants(pool, STRANGER, sharing, 'write', NOW, logger);
    expect([...allowed].sort()).toEqual([own, global].sort());
    await waitFor(async () => (await denialsOf(hidden)).length === 1);
    expect(await denialsOf(hidden)).toEqual([
      { org_id: STRANGER.orgId, reason: 'restricted_to_org' },
    ]);
    expect(await denialsOf(own)).toEqual([]);
  });
});
