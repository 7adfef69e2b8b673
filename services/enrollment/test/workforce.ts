import { randomUUID } from 'node:crypto';
import { ServiceDeleted, ServiceRecorded, SharingStateChanged } from '@hearth/events';
import { rowCounts } from '@hearth/testkit';
import { client, participantFacts, sharingState, type Actor, type Harness } from './harness';
import { createProgram, enrollAlone } from './household';

/** Every workforce-outcomes test runs on this day, so exits and quarters are written by hand. */
export const TODAY = '2027-06-15';
export const fixedClock = () => new Date(`${TODAY}T12:00:00Z`);

export const workforceProgram = (h: Harness, actor: Actor, name = 'Keys to Progress') =>
  createProgram(h, actor, { name, fundingSource: 'KtP', activeFrom: '2020-01-01' });

/** A service the services service recorded for the participant (participation from its date). */
export async function serviceFor(
  h: Harness,
  e: { id: string; participantId: string },
  serviceDate: string,
): Promise<string> {
  const serviceId = randomUUID();
  await h.publish(ServiceRecorded, {
    serviceId,
    participantId: e.participantId,
    enrollmentId: e.id,
    serviceTypeId: 'occupational-skills-training',
    serviceDate,
    startsParticipation: true,
    qualifying: true,
  });
  return serviceId;
}

export const deleteService = (
  h: Harness,
  e: { id: string; participantId: string },
  serviceId: string,
  serviceDate: string,
) =>
  h.publish(ServiceDeleted, {
    serviceId,
    participantId: e.participantId,
    enrollmentId: e.id,
    serviceTypeId: 'occupational-skills-training',
    serviceDate,
    startsParticipation: true,
    qualifying: true,
    version: 2,
  });

/** A participant enrolled, in participation from a training service; the service's id. */
export async function participating(
  h: Harness,
  actor: Actor,
  programId: string,
  applicationDate: string,
  overrides: Parameters<typeof participantFacts>[1] = {},
) {
  const e = await enrollAlone(h, actor, programId, applicationDate, overrides);
  const trainingServiceId = await serviceFor(h, e, applicationDate);
  return { ...e, trainingServiceId };
}

export async function exitOn(
  h: Harness,
  actor: Actor,
  enrollmentId: string,
  exitDate: string,
  change: { kind?: string; reason?: string; housingStatusAtExit?: string } = {},
) {
  const res = await client(h.url, actor).post(`/enrollments/${enrollmentId}/exit`, {
    kind: 'exit',
    exitDate,
    reason: 'completed',
    housingStatusAtExit: 'permanent_housing',
    ...change,
  });
  if (res.status !== 200) throw new Error(`not exited: ${JSON.stringify(res.body)}`);
}

/** Sharing as intake announces it later: a participant's new restriction and releases. */
export const shareAs = (
  h: Harness,
  facts: { participantId: string; ownerOrgId: string },
  securityRestriction: 'share_mou' | 'share_global',
  releases: Array<{ toOrgId: string; beginDate: string; endDate: string }> = [],
  sharingVersion = 2,
) =>
  h.publish(
    SharingStateChanged,
    sharingState(
      { ...facts, securityRestriction },
      {
        sharingVersion,
        releases: releases.map((r) => ({ releaseId: randomUUID(), ...r, revokedAt: null })),
      },
    ),
  );

/** Rows a refused outcome request must not have added. */
export const outcomeCounts = (h: Harness) =>
  rowCounts(h.pool, [
    'employments',
    'employment_pay_entries',
    'employment_confirmations',
    'credentials',
    'outbox',
  ]);
