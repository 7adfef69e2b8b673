import { randomUUID } from 'node:crypto';
import { binder, decideAccess, visibleToSql, type Action, type Actor } from '@hearth/access';
import { createPool, migrate, type Pool } from '@hearth/db';
import { SharingStateChangedV2, createEvent, type SharingState } from '@hearth/events';
import { createTestDatabase, testLogger } from '@hearth/testkit';
import {
  applySharingState,
  sharingFactsColumns,
  sharingFactsConsumer,
  sharingFactsMigrations,
  sharingOf,
} from '@hearth/sharing';

// Services that keep intake's sharing in sharing_facts filter lists in SQL through its releases
// view; the filter must agree with decideAccess on the same facts, as the one on a table does.
const NOW = new Date('2026-06-15T12:00:00Z');
const OWNER = randomUUID();
const PARTNER = randomUUID();
const STRANGER = randomUUID();

const release = (over: Partial<SharingState['releases'][number]> = {}) => ({
  releaseId: randomUUID(),
  toOrgId: PARTNER,
  beginDate: '2026-01-01',
  endDate: '2026-12-31',
  revokedAt: null,
  ...over,
});
const STATES: Record<string, Pick<SharingState, 'securityRestriction' | 'releases'>> = {
  restricted_with_release: { securityRestriction: 'restrict_to_org', releases: [release()] },
  mou_active: { securityRestriction: 'share_mou', releases: [release()] },
  mou_ending_today: {
    securityRestriction: 'share_mou',
    releases: [release({ endDate: '2026-06-15' })],
  },
  mou_expired: { securityRestriction: 'share_mou', releases: [release({ endDate: '2026-06-14' })] },
  mou_revoked: {
    securityRestriction: 'share_mou',
    releases: [release({ revokedAt: '2026-06-15T11:00:00.000Z' })],
  },
  mou_none: { securityRestriction: 'share_mou', releases: [] },
  mou_by_referral: { securityRestriction: 'share_mou', releases: [release({ scope: 'referral' })] },
  global: { securityRestriction: 'share_global', releases: [] },
};
const ACTORS: Actor[] = [OWNER, PARTNER, STRANGER].flatMap((orgId) =>
  [['caseworker'], ['admin']].map((roles) => ({ userId: randomUUID(), orgId, roles })),
);

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;
const ids = new Map<string, string>();

beforeAll(async () => {
  db = await createTestDatabase('sharing_visibility');
  const logger = testLogger('sharing');
  pool = createPool(db.url, logger);
  await migrate(pool, [sharingFactsMigrations], logger);
  for (const [label, state] of Object.entries(STATES)) {
    const participantId = randomUUID();
    ids.set(label, participantId);
    await applySharingState(pool, {
      participantId,
      ownerOrgId: OWNER,
      sharingVersion: 1,
      ...state,
    });
  }
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('the SQL visibility filter over sharing_facts', () => {
  it('selects exactly the participants decideAccess lets each actor read', async () => {
    const disagreements: string[] = [];
    for (const actor of ACTORS) {
      const params: unknown[] = [];
      const where = visibleToSql(sharingFactsColumns('sf'), actor, NOW, binder(params));
      const { rows } = await pool.query(
        `SELECT sf.participant_id FROM sharing_facts sf WHERE ${where}`,
        params,
      );
      const bySql = new Set(rows.map((r) => r.participant_id as string));
      for (const [label, state] of Object.entries(STATES)) {
        const participant = {
          ownerOrgId: OWNER,
          restriction: state.securityRestriction,
          releases: state.releases,
        };
        const decided = decideAccess({ actor, participant, action: 'read', now: NOW }).allowed;
        if (decided !== bySql.has(ids.get(label)!))
          disagreements.push(
            `${actor.orgId === OWNER ? 'owner' : actor.orgId === PARTNER ? 'partner' : 'stranger'} [${actor.roles}] on ${label}: decideAccess ${decided}`,
          );
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("shows a released organization's caseworker the active and today-ending releases only", async () => {
    const params: unknown[] = [];
    const partner = { userId: randomUUID(), orgId: PARTNER, roles: ['caseworker'] };
    const where = visibleToSql(sharingFactsColumns('sf'), partner, NOW, binder(params));
    const { rows } = await pool.query(
      `SELECT sf.participant_id FROM sharing_facts sf WHERE ${where}`,
      params,
    );
    const seen = rows.map((r) => r.participant_id as string).sort();
    expect(seen).toEqual(
      [
        ids.get('mou_active'),
        ids.get('mou_ending_today'),
        ids.get('mou_by_referral'),
        ids.get('global'),
      ].sort(),
    );
  });
});

describe("a referral's release in the sharing facts", () => {
  const partner = { userId: randomUUID(), orgId: PARTNER, roles: ['caseworker'] };
  const decide = async (participantId: string, action: Action) => {
    const participant = (await sharingOf(pool, [participantId])).get(participantId)!;
    return decideAccess({ actor: partner, participant, action, now: NOW });
  };

  it('keeps its scope, so every service lets the receiver read and never write', async () => {
    const id = ids.get('mou_by_referral')!;
    expect(await decide(id, 'read')).toEqual({ allowed: true, reason: 'active_referral_release' });
    expect(await decide(id, 'write')).toEqual({
      allowed: false,
      reason: 'referral_release_read_only',
    });
  });

  it('reads a v2 state, from before releases had a scope, as releases signed in intake', async () => {
    const participantId = randomUUID();
    const event = createEvent(SharingStateChangedV2, {
      orgId: OWNER,
      actor: { userId: null, name: 'intake' },
      data: {
        participantId,
        ownerOrgId: OWNER,
        securityRestriction: 'share_mou',
        releases: [release()],
        sharingVersion: 1,
      },
    });
    const tx = await pool.connect();
    try {
      await sharingFactsConsumer('test.sharing-facts').handle(event, tx);
    } finally {
      tx.release();
    }
    expect(await decide(participantId, 'write')).toEqual({
      allowed: true,
      reason: 'active_release',
    });
  });
});
