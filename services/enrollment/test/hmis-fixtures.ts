import { randomUUID } from 'node:crypto';
import { FamilyChanged, SharingStateChanged } from '@hearth/events';
import { rowCounts, waitFor } from '@hearth/testkit';
import {
  client,
  daysAgo,
  introduce,
  participantFacts,
  sharingState,
  type Actor,
  type Harness,
} from './harness';

/** Answers of each element set, as a worker would give them at project start. */
export const answers = {
  // earned $1,200.00 and SSI $943.00 a month; no unemployment (answered no, so no amount)
  incomeBenefits: {
    incomeFromAnySource: 1,
    earned: 1,
    earnedAmountCents: 120_000,
    ssi: 1,
    ssiAmountCents: 94_300,
    unemployment: 0,
  },
  healthAndDv: { domesticViolenceSurvivor: 1, whenOccurred: 2, currentlyFleeing: 0 },
  disabilities: {
    physicalDisability: 1,
    physicalDisabilityLongTerm: 1,
    physicalDisabilityReceivingServices: 0,
    developmentalDisability: 0,
    chronicHealthCondition: 99,
    hivAids: 9,
    mentalHealthDisorder: 0,
    substanceUseDisorder: 0,
  },
  currentLivingSituation: {
    currentLivingSituation: 116,
    locationDetails: 'Under the Lake St bridge',
  },
};

/** Rows a rejected request must not have added. */
export const assessmentCounts = (h: Harness) =>
  rowCounts(h.pool, ['hmis_assessments', 'hmis_assessment_history', 'outbox']);

/**
 * A head and spouse of `orgId`, both share_mou: the head released to `partnerOrgId` (active), the
 * spouse's release to it expired yesterday; enrolled into a new program `daysAgo(entryDaysAgo)`.
 */
export async function sharedHousehold(
  h: Harness,
  worker: Actor,
  partnerOrgId: string,
  entryDaysAgo = 100,
) {
  const head = participantFacts(worker.orgId, { securityRestriction: 'share_mou' });
  const spouse = participantFacts(worker.orgId, { securityRestriction: 'share_mou' });
  for (const p of [head, spouse]) await introduce(h, p);
  const release = (endDate: string) => ({
    releaseId: randomUUID(),
    toOrgId: partnerOrgId,
    beginDate: daysAgo(200),
    endDate,
    revokedAt: null,
  });
  await h.publish(
    SharingStateChanged,
    sharingState(head, { releases: [release(daysAgo(-300))], sharingVersion: 2 }),
  );
  await h.publish(
    SharingStateChanged,
    sharingState(spouse, { releases: [release(daysAgo(1))], sharingVersion: 2 }),
  );
  await h.publish(FamilyChanged, {
    familyId: randomUUID(),
    headParticipantId: head.participantId,
    members: [
      {
        participantId: head.participantId,
        relationship: 'head_of_household',
        isCurrentFamily: true,
      },
      { participantId: spouse.participantId, relationship: 'spouse', isCurrentFamily: true },
    ],
    removedParticipantIds: [],
  });
  const supervisor = { ...worker, roles: ['supervisor'] };
  const program = await client(h.url, supervisor).post('/programs', {
    name: `Rapid rehousing ${randomUUID().slice(0, 6)}`,
    fundingSource: 'HUD CoC',
    activeFrom: '2020-01-01',
  });
  const res = await client(h.url, worker).post('/enrollments', {
    programId: program.body.id,
    headParticipantId: head.participantId,
    applicationDate: daysAgo(entryDaysAgo),
    members: [{ participantId: spouse.participantId }],
  });
  if (res.status !== 201) throw new Error(`not enrolled: ${JSON.stringify(res.body)}`);
  return { enrollmentId: res.body.id as string, head, spouse };
}

/** The access denials audited for a participant, once the answer has gone (they follow it). */
export async function deniedReasons(h: Harness, participantId: string, userId: string) {
  let reasons: string[] = [];
  await waitFor(async () => {
    const { rows } = await h.pool.query(
      'SELECT reason FROM access_denials WHERE participant_id = $1 AND user_id = $2 ORDER BY id',
      [participantId, userId],
    );
    reasons = rows.map((r) => r.reason as string);
    return reasons.length > 0;
  });
  return reasons;
}
