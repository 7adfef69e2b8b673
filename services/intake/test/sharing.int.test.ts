import { testActor, waitFor } from '@hearth/testkit';
import { client, createParticipant, startIntake } from './harness';

/** Sharing rules end to end: restriction, releases (active, expired, revoked), denials audited as 404. */
let intake: Awaited<ReturnType<typeof startIntake>>;
const owner = testActor({ roles: ['caseworker'] });
const partner = testActor({ roles: ['caseworker'] });
const outsider = testActor({ roles: ['caseworker'] });
const today = new Date().toISOString().slice(0, 10);
const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  intake = await startIntake();
});
afterAll(() => intake.close());

const newParticipant = (securityRestriction = 'restrict_to_org') =>
  createParticipant(intake.url, owner, {
    firstName: 'Layla',
    lastName: 'Karimi',
    birthDate: '1992-07-19',
    sex: 'female',
    securityRestriction,
  });

const canRead = async (actor: ReturnType<typeof testActor>, id: string) =>
  (await client(intake.url, actor).get(`/participants/${id}`)).status;
/** The audited denials, once `count` of them are in: each is written after its answer. */
const denials = async (id: string, count: number) =>
  waitFor(async () => {
    const { rows } = await intake.service.ctx.pool.query(
      'SELECT reason FROM access_denials WHERE participant_id = $1 ORDER BY id',
      [id],
    );
    return rows.length >= count && rows.map((r) => r.reason as string);
  });

describe('sharing and information releases', () => {
  it('restrict_to_org: another organization gets 404, and the denial is audited', async () => {
    const id = await newParticipant();
    expect(await canRead(owner, id)).toBe(200);
    expect(await canRead(outsider, id)).toBe(404);
    expect(await denials(id, 1)).toEqual(['restricted_to_org']);
  });

  it("when a released organization lists a participant's releases, it sees only its own, not other organizations' or their signers", async () => {
    const id = await newParticipant('share_global');
    const api = client(intake.url, owner);
    for (const [to, signedBy] of [
      [partner.orgId, 'Layla Karimi'],
      [outsider.orgId, 'Guardian of Layla'],
    ])
      await api.post(`/participants/${id}/releases`, {
        toOrgId: to,
        beginDate: today,
        endDate: daysFromNow(30),
        signedBy,
      });
    const own = await api.get(`/participants/${id}/releases`);
    expect(own.body.items.map((r: { toOrgId: string }) => r.toOrgId).sort()).toEqual(
      [partner.orgId, outsider.orgId].sort(),
    );
    const seen = await client(intake.url, partner).get(`/participants/${id}/releases`);
    expect(seen.status).toBe(200);
    expect(seen.body.items).toEqual([
      expect.objectContaining({ toOrgId: partner.orgId, signedBy: 'Layla Karimi' }),
    ]);
    expect(JSON.stringify(seen.body)).not.toContain('Guardian of Layla');
  });

  it('share_global: every organization may read', async () => {
    const id = await newParticipant('share_global');
    expect(await canRead(outsider, id)).toBe(200);
  });

  it('share_mou: only an organization with an active release reads; expired and revoked releases stop it', async () => {
    const id = await newParticipant('share_mou');
    const api = client(intake.url, owner);
    expect(await canRead(partner, id)).toBe(404);

    const granted = await api.post(`/participants/${id}/releases`, {
      toOrgId: partner.orgId,
      beginDate: today,
      endDate: daysFromNow(30),
      signedBy: 'Layla Karimi',
    });
    expect(granted.status).toBe(201);
    expect(await canRead(partner, id)).toBe(200);
    expect(await canRead(outsider, id)).toBe(404);

    const revoked = await api.post(`/participants/${id}/releases/${granted.body.releaseId}/revoke`);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect(await canRead(partner, id)).toBe(404);

    await api.post(`/participants/${id}/releases`, {
      toOrgId: partner.orgId,
      beginDate: daysFromNow(-60),
      endDate: daysFromNow(-1),
      signedBy: 'Layla Karimi',
    });
    expect(await canRead(partner, id)).toBe(404);
    expect(await denials(id, 4)).toEqual([
      'no_release',
      'no_release',
      'release_revoked',
      'release_expired',
    ]);

    const types = await intake.service.ctx.pool.query(
      'SELECT routing_key FROM outbox ORDER BY seq',
    );
    expect(types.rows.map((r) => r.routing_key)).toEqual(
      expect.arrayContaining(['intake.release.granted', 'intake.release.revoked']),
    );
  });

  it('changing the restriction takes effect at once and is announced', async () => {
    const id = await newParticipant();
    const api = client(intake.url, owner);
    expect(await canRead(outsider, id)).toBe(404);
    const changed = await api.put(`/participants/${id}/sharing`, {
      securityRestriction: 'share_global',
    });
    expect(changed.body).toEqual({ participantId: id, securityRestriction: 'share_global' });
    expect(await canRead(outsider, id)).toBe(200);
    const { rows } = await intake.service.ctx.pool.query(
      "SELECT envelope FROM outbox WHERE routing_key = 'intake.sharing.changed'",
    );
    expect(rows.map((r) => r.envelope.data)).toContainEqual({
      participantId: id,
      ownerOrgId: owner.orgId,
      securityRestriction: 'share_global',
      releases: [],
      sharingVersion: 2,
    });
  });

  it('announces the whole sharing state under the next version with every change: creation, restriction, grant, revocation', async () => {
    const id = await newParticipant();
    const api = client(intake.url, owner);
    await api.put(`/participants/${id}/sharing`, { securityRestriction: 'share_mou' });
    const granted = await api.post(`/participants/${id}/releases`, {
      toOrgId: partner.orgId,
      beginDate: today,
      endDate: daysFromNow(30),
      signedBy: 'Layla Karimi',
    });
    const revoked = await api.post(`/participants/${id}/releases/${granted.body.releaseId}/revoke`);

    const { rows } = await intake.service.ctx.pool.query(
      `SELECT envelope FROM outbox WHERE routing_key = 'intake.sharing.changed'
         AND envelope->'data'->>'participantId' = $1 ORDER BY seq`,
      [id],
    );
    const release = {
      releaseId: granted.body.releaseId,
      toOrgId: partner.orgId,
      beginDate: today,
      endDate: daysFromNow(30),
      scope: 'full', // signed in intake: it lets the partner write too
    };
    expect(rows.map((r) => [r.envelope.version, r.envelope.data])).toEqual([
      [
        3,
        {
          participantId: id,
          ownerOrgId: owner.orgId,
          securityRestriction: 'restrict_to_org',
          releases: [],
          sharingVersion: 1,
        },
      ],
      [
        3,
        {
          participantId: id,
          ownerOrgId: owner.orgId,
          securityRestriction: 'share_mou',
          releases: [],
          sharingVersion: 2,
        },
      ],
      [
        3,
        {
          participantId: id,
          ownerOrgId: owner.orgId,
          securityRestriction: 'share_mou',
          releases: [{ ...release, revokedAt: null }],
          sharingVersion: 3,
        },
      ],
      [
        3,
        {
          participantId: id,
          ownerOrgId: owner.orgId,
          securityRestriction: 'share_mou',
          releases: [{ ...release, revokedAt: revoked.body.revokedAt }],
          sharingVersion: 4,
        },
      ],
    ]);
  });

  it('gives concurrent sharing changes of one participant distinct, ordered versions, the last holding every release', async () => {
    const id = await newParticipant('share_mou');
    const api = client(intake.url, owner);
    const grants = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        api.post(`/participants/${id}/releases`, {
          toOrgId: testActor({ roles: ['caseworker'] }).orgId,
          beginDate: today,
          endDate: daysFromNow(n),
          signedBy: 'Layla Karimi',
        }),
      ),
    );
    expect(grants.map((g) => g.status)).toEqual([201, 201, 201, 201, 201]);
    const { rows } = await intake.service.ctx.pool.query(
      `SELECT envelope->'data' AS data FROM outbox WHERE routing_key = 'intake.sharing.changed'
         AND envelope->'data'->>'participantId' = $1 ORDER BY (envelope->'data'->>'sharingVersion')::int`,
      [id],
    );
    expect(rows.map((r) => r.data.sharingVersion)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((r) => r.data.releases.length)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('only the owning organization manages sharing; others who can see get 403, others who cannot get 404', async () => {
    const id = await newParticipant('share_global');
    expect(
      (
        await client(intake.url, outsider).put(`/participants/${id}/sharing`, {
          securityRestriction: 'restrict_to_org',
        })
      ).status,
    ).toBe(403);
    const hidden = await newParticipant();
    expect(
      (
        await client(intake.url, outsider).post(`/participants/${hidden}/releases`, {
          toOrgId: partner.orgId,
          beginDate: today,
          endDate: today,
          signedBy: 'x',
        })
      ).status,
    ).toBe(404);
  });

  it('refuses a release that ends before it begins, or to the own organization, writing nothing', async () => {
    const id = await newParticipant('share_mou');
    const api = client(intake.url, owner);
    const backwards = await api.post(`/participants/${id}/releases`, {
      toOrgId: partner.orgId,
      beginDate: today,
      endDate: daysFromNow(-1),
      signedBy: 'L',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].field).toBe('endDate');
    const self = await api.post(`/participants/${id}/releases`, {
      toOrgId: owner.orgId,
      beginDate: today,
      endDate: today,
      signedBy: 'L',
    });
    expect(self.body.errors[0].field).toBe('toOrgId');
    expect((await api.get(`/participants/${id}/releases`)).body.items).toEqual([]);
  });
});
