import { randomUUID } from 'node:crypto';
import {
  ReferralCreated,
  ReferralDeleted,
  ReferralReleaseChanged,
  ReferralStatusChanged,
  ReferralWithdrawn,
  SharingStateChanged,
} from '@hearth/events';
import { outboxEvents, testActor, waitFor } from '@hearth/testkit';
import { client, createParticipant, startIntake } from './harness';

/**
 * A referral whose participant authorized a release: intake records a read-only release to the
 * receiver from referrals' events, and the referral's end revokes it. "Now" is the test's clock.
 */
let now = new Date('2026-12-01T12:00:00Z');
let intake: Awaited<ReturnType<typeof startIntake>>;
const sender = testActor({ roles: ['caseworker'], name: 'Dana Sender' });
const receiver = testActor({ roles: ['caseworker'] });
const otherAgency = testActor({ roles: ['caseworker'] });

beforeAll(async () => {
  intake = await startIntake({ clock: () => now });
});
afterAll(() => intake.close());
beforeEach(() => {
  now = new Date('2026-12-01T12:00:00Z');
});

const newParticipant = (securityRestriction = 'share_mou') =>
  createParticipant(intake.url, sender, {
    firstName: 'Amina',
    lastName: 'Odhiambo',
    birthDate: '1990-04-02',
    sex: 'female',
    securityRestriction,
  });

/** A referral as referrals announces it, sent by `from` to the receiver on 2026-11-20. */
const referralOf = (participantId: string, from = sender) => ({
  referralId: randomUUID(),
  participantId,
  fromOrgId: from.orgId,
  fromUserId: from.userId,
  toOrgId: receiver.orgId,
  referralService: 'legal_aid',
  referralDate: '2026-11-20',
  status: 'pending' as const,
  version: 1,
});
type Referral = ReturnType<typeof referralOf>;
const bySender = { orgId: sender.orgId, actor: { userId: sender.userId, name: 'Dana Sender' } };
const byReceiver = { orgId: receiver.orgId, actor: { userId: receiver.userId, name: 'Pat' } };

const refer = (referral: Referral, releasedCategories: string[] = ['identifying', 'household']) =>
  intake.publish(
    ReferralCreated,
    { ...referral, releasedCategories: releasedCategories as ['identifying'] },
    bySender,
  );
const answer = (referral: Referral, status: 'accepted' | 'rejected' | 'completed') =>
  intake.publish(
    ReferralStatusChanged,
    { ...referral, status, previousStatus: 'pending', version: 2 },
    byReceiver,
  );

const releasesOf = async (participantId: string) =>
  (await client(intake.url, sender).get(`/participants/${participantId}/releases`)).body.items;
const receiverReads = async (participantId: string) =>
  (await client(intake.url, receiver).get(`/participants/${participantId}`)).status;
const sharingStates = async (participantId: string) =>
  (await outboxEvents(intake.pool, SharingStateChanged)).filter(
    (e) => e.data.participantId === participantId,
  );

describe("a referral's release to its receiver", () => {
  it('is recorded from the referral date for 90 days, read only and by referral, with its categories', async () => {
    const participantId = await newParticipant();
    const referral = referralOf(participantId);
    await refer(referral);
    expect(await releasesOf(participantId)).toEqual([
      expect.objectContaining({
        toOrgId: receiver.orgId,
        beginDate: '2026-11-20',
        endDate: '2027-02-18', // 2026-11-20 + 90 days: 10 left in November, 31, 31, then 18
        revokedAt: null,
        scope: 'referral',
        referralId: referral.referralId,
        categories: ['identifying', 'household'],
        signedBy: 'Dana Sender',
      }),
    ]);
  });

  it('lets the receiver read the participant while the referral is pending, never change them', async () => {
    const participantId = await newParticipant();
    expect(await receiverReads(participantId)).toBe(404);
    await refer(referralOf(participantId));
    expect(await receiverReads(participantId)).toBe(200);
    const change = await client(intake.url, receiver).patch(`/participants/${participantId}`, {
      firstName: 'Changed',
      version: 1,
    });
    expect(change.status).toBe(404);
    const shown = await client(intake.url, sender).get(`/participants/${participantId}`);
    expect(shown.body).toMatchObject({ firstName: 'Amina', version: 1 });
    expect(await otherAgencyReads(participantId)).toBe(404);
    const denied = await waitFor(async () => {
      const { rows } = await intake.pool.query(
        'SELECT reason FROM access_denials WHERE participant_id = $1 ORDER BY id',
        [participantId],
      );
      return rows.length >= 3 && rows.map((r) => r.reason as string);
    });
    // before the referral; the change it does not allow; an agency it was not sent to
    expect(denied).toEqual(['no_release', 'referral_release_read_only', 'no_release']);
  });

  it('is published in the sharing state every service decides access from, with its scope', async () => {
    const participantId = await newParticipant();
    const referral = referralOf(participantId);
    await refer(referral);
    const states = await sharingStates(participantId);
    const last = states[states.length - 1];
    expect(last.version).toBe(3);
    expect(last.data.releases).toEqual([
      expect.objectContaining({
        toOrgId: receiver.orgId,
        beginDate: '2026-11-20',
        endDate: '2027-02-18',
        revokedAt: null,
        scope: 'referral',
      }),
    ]);
  });

  it('is granted once when the same referral is announced again', async () => {
    const participantId = await newParticipant();
    const referral = referralOf(participantId);
    await refer(referral);
    const announced = (await sharingStates(participantId)).length;
    await refer(referral);
    expect(await releasesOf(participantId)).toHaveLength(1);
    expect(await sharingStates(participantId)).toHaveLength(announced);
  });

  it('ends with the withdrawal: revoked now, announced, and the receiver gets 404', async () => {
    const participantId = await newParticipant();
    const referral = referralOf(participantId);
    await refer(referral);
    now = new Date('2026-12-02T09:30:00Z');
    await intake.publish(
      ReferralWithdrawn,
      { ...referral, status: 'withdrawn', version: 2 },
      bySender,
    );
    const [release] = await releasesOf(participantId);
    expect(release.revokedAt).toBe('2026-12-02T09:30:00.000Z');
    expect(await receiverReads(participantId)).toBe(404);
    const states = await sharingStates(participantId);
    expect(states[states.length - 1].data.releases[0].revokedAt).toBe('2026-12-02T09:30:00.000Z');
  });

  it('ends with a rejection, and is kept by an acceptance and a completion', async () => {
    const kept = await newParticipant();
    const keptReferral = referralOf(kept);
    await refer(keptReferral);
    await answer(keptReferral, 'accepted');
    await answer(keptReferral, 'completed');
    expect((await releasesOf(kept))[0].revokedAt).toBeNull();
    expect(await receiverReads(kept)).toBe(200);

    const rejected = await newParticipant();
    const rejectedReferral = referralOf(rejected);
    await refer(rejectedReferral);
    await answer(rejectedReferral, 'rejected');
    expect((await releasesOf(rejected))[0].revokedAt).toBe('2026-12-01T12:00:00.000Z');
    expect(await receiverReads(rejected)).toBe(404);
  });

  it('ends with the deletion even when no withdrawal arrived', async () => {
    const participantId = await newParticipant();
    const referral = referralOf(participantId);
    await refer(referral);
    await intake.publish(
      ReferralDeleted,
      { ...referral, status: 'withdrawn', version: 3 },
      bySender,
    );
    expect((await releasesOf(participantId))[0].revokedAt).not.toBeNull();
    expect(await receiverReads(participantId)).toBe(404);
  });

  it('is never granted for a referral whose withdrawal arrived before its creation', async () => {
    const participantId = await newParticipant();
    const referral = referralOf(participantId);
    await intake.publish(
      ReferralWithdrawn,
      { ...referral, status: 'withdrawn', version: 2 },
      bySender,
    );
    await refer(referral);
    expect(await releasesOf(participantId)).toEqual([]);
    expect(await receiverReads(participantId)).toBe(404);
  });

  it('expires at its end date though no word ever comes', async () => {
    const participantId = await newParticipant();
    await refer(referralOf(participantId));
    now = new Date('2027-02-18T23:00:00Z');
    expect(await receiverReads(participantId)).toBe(200);
    now = new Date('2027-02-19T00:00:00Z');
    expect(await receiverReads(participantId)).toBe(404);
  });

  it('is not recorded when the participant released nothing', async () => {
    const participantId = await newParticipant();
    await refer(referralOf(participantId), []);
    expect(await releasesOf(participantId)).toEqual([]);
    expect(await receiverReads(participantId)).toBe(404);
  });

  it("is not recorded for a referral from an agency that did not take the participant in: their releases are the owner's", async () => {
    const participantId = await newParticipant('share_global');
    await refer(referralOf(participantId, otherAgency));
    expect(await releasesOf(participantId)).toEqual([]);
  });

  it('shares nothing of a participant restricted to their organization, as any release', async () => {
    const participantId = await newParticipant('restrict_to_org');
    await refer(referralOf(participantId));
    expect(await releasesOf(participantId)).toHaveLength(1);
    expect(await receiverReads(participantId)).toBe(404);
  });

  it('follows an edit of the referral date and categories, and ignores an older edit arriving late', async () => {
    const participantId = await newParticipant();
    const referral = referralOf(participantId);
    await refer(referral);
    const edit = (version: number, referralDate: string, releasedCategories: string[]) =>
      intake.publish(
        ReferralReleaseChanged,
        {
          ...referral,
          version,
          referralDate,
          releasedCategories: releasedCategories as ['contact'],
        },
        bySender,
      );
    await edit(3, '2026-11-25', ['contact']);
    await edit(2, '2026-11-21', ['identifying', 'contact', 'household']);
    expect(await releasesOf(participantId)).toEqual([
      expect.objectContaining({
        beginDate: '2026-11-25',
        endDate: '2027-02-23', // 2026-11-25 + 90 days: 5 left in November, 31, 31, then 23
        categories: ['contact'],
        revokedAt: null,
      }),
    ]);
    const states = await sharingStates(participantId);
    expect(states[states.length - 1].data.releases[0]).toMatchObject({
      beginDate: '2026-11-25',
      endDate: '2027-02-23',
    });
  });

  it('is revoked when the sender edits the authorization down to nothing, for good', async () => {
    const participantId = await newParticipant();
    const referral = referralOf(participantId);
    await refer(referral);
    const edit = (version: number, releasedCategories: string[]) =>
      intake.publish(
        ReferralReleaseChanged,
        { ...referral, version, releasedCategories: releasedCategories as ['contact'] },
        bySender,
      );
    await edit(2, []);
    expect((await releasesOf(participantId))[0].revokedAt).toBe('2026-12-01T12:00:00.000Z');
    expect(await receiverReads(participantId)).toBe(404);
    await edit(3, ['contact']);
    expect(await releasesOf(participantId)).toHaveLength(1);
    expect(await receiverReads(participantId)).toBe(404);
  });

  it('is granted when the participant authorizes a release after the referral was sent', async () => {
    const participantId = await newParticipant();
    const referral = referralOf(participantId);
    await refer(referral, []);
    await intake.publish(
      ReferralReleaseChanged,
      { ...referral, version: 2, releasedCategories: ['contact'] },
      bySender,
    );
    expect(await releasesOf(participantId)).toEqual([
      expect.objectContaining({
        scope: 'referral',
        categories: ['contact'],
        endDate: '2027-02-18',
      }),
    ]);
    expect(await receiverReads(participantId)).toBe(200);
  });
});

const otherAgencyReads = async (participantId: string) =>
  (await client(intake.url, otherAgency).get(`/participants/${participantId}`)).status;
