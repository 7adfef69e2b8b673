import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { EnrollmentCreated, FsspGoalAdded, type EnrollmentSnapshot } from '@hearth/events';
import {
  apiClient,
  publishAndWait,
  sharedParticipant,
  testActor,
  type TestService,
} from '@hearth/testkit';

/** The service's "now" in these tests: late evening UTC, so today is 2026-03-10. */
export const NOW = new Date('2026-03-10T23:30:00Z');
export const TODAY = '2026-03-10';

/** An organization with a caseworker and a supervisor. */
export function organization() {
  const orgId = randomUUID();
  return {
    orgId,
    worker: testActor({ orgId }),
    supervisor: testActor({ orgId, roles: ['supervisor'] }),
  };
}

/** A participant of `ownerOrgId` whose sharing has arrived (restricted to their org unless told). */
export const participantOf = (
  service: TestService,
  ownerOrgId: string,
  sharing?: Parameters<typeof sharedParticipant>[2],
) => sharedParticipant(service.pool, ownerOrgId, sharing);

/** An enrollment as enrollment announces it, applied to the read model. */
export async function enrollmentOf(
  service: TestService,
  e: Pick<EnrollmentSnapshot, 'orgId' | 'programId' | 'headParticipantId'> &
    Partial<EnrollmentSnapshot>,
): Promise<EnrollmentSnapshot> {
  const snapshot: EnrollmentSnapshot = {
    enrollmentId: randomUUID(),
    memberParticipantIds: [e.headParticipantId],
    applicationDate: '2026-01-05',
    registrationDate: null,
    participationDate: null,
    lastQualifyingServiceDate: null,
    exitDate: null,
    status: 'application',
    ...e,
  };
  await publishAndWait(service, EnrollmentCreated, snapshot, { orgId: e.orgId });
  return snapshot;
}

export const plainType = {
  name: 'Case management',
  requiresComment: false,
  requiresProvidedBy: false,
  providedByOptions: [] as string[],
  startsParticipation: true,
  updatesLastQualifyingDate: true,
  dated: false,
  training: false,
  unitsAllowed: false,
  amountAllowed: false,
};

/** A catalog entry made by the organization's supervisor; answers its id. */
export async function serviceTypeOf(
  service: TestService,
  supervisor: Actor,
  programId: string,
  rules: Partial<typeof plainType> = {},
): Promise<string> {
  const answer = await apiClient(service.url, supervisor).post('/service-types', {
    ...plainType,
    name: `Type ${randomUUID()}`,
    ...rules,
    programId,
  });
  if (answer.status !== 201) throw new Error(`service type: ${JSON.stringify(answer.body)}`);
  return answer.body.id as string;
}

/**
 * An FSSP goal of the organization's plan for these participants (a family goal when more than
 * one), with one barrier, as fssp announces it; answers its id and its barrier's.
 */
export async function goalOf(
  service: TestService,
  orgId: string,
  participantIds: string[],
): Promise<{ goalId: string; barrierId: string }> {
  const [goalId, barrierId] = [randomUUID(), randomUUID()];
  await publishAndWait(
    service,
    FsspGoalAdded,
    {
      goalId,
      planId: randomUUID(),
      orgId,
      kind: participantIds.length > 1 ? 'family' : 'individual',
      participantIds,
      barrierIds: [barrierId],
      category: 'employment',
      goal: 'find_job',
      startDate: '2026-01-05',
      targetDate: '2026-06-30',
      status: 'open',
      version: 1,
    },
    { orgId },
  );
  return { goalId, barrierId };
}
