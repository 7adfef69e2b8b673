import { randomUUID } from 'node:crypto';
import {
  CaseNoteAdded,
  CaseNoteDeleted,
  EnrollmentCreated,
  FamilyChanged,
  OrganizationCreated,
  type EnrollmentSnapshot,
} from '@hearth/events';
import {
  apiClient,
  publishAndWait,
  sharedParticipant,
  testActor,
  type TestService,
} from '@hearth/testkit';

/**
 * The service's "now" in these tests: 03:00 UTC on Sep 11, 2026, which is still Sep 10 (22:00)
 * in Chicago, the organizations' time zone: their today is 2026-09-10.
 */
export const NOW = new Date('2026-09-11T03:00:00Z');
export const TODAY = '2026-09-10';

let version = 1000;

/** An organization whose time zone has arrived from identity, with a caseworker. */
export async function organization(service: TestService) {
  const orgId = randomUUID();
  await publishAndWait(
    service,
    OrganizationCreated,
    {
      organizationId: orgId,
      name: 'Agency',
      kind: 'other',
      timeZone: 'America/Chicago',
      version: ++version,
    },
    { orgId },
  );
  return { orgId, worker: testActor({ orgId }) };
}

/** A participant of `ownerOrgId` whose sharing has arrived (restricted to their org unless told). */
export const participantOf = (
  service: TestService,
  ownerOrgId: string,
  sharing?: Parameters<typeof sharedParticipant>[2],
) => sharedParticipant(service.pool, ownerOrgId, sharing);

/** A family as intake announces it: the head and the others, everyone's current family. */
export async function familyOf(service: TestService, headId: string, others: string[]) {
  const familyId = randomUUID();
  await publishAndWait(service, FamilyChanged, {
    familyId,
    headParticipantId: headId,
    members: [
      { participantId: headId, relationship: 'head_of_household', isCurrentFamily: true },
      ...others.map((participantId) => ({
        participantId,
        relationship: 'child' as const,
        isCurrentFamily: true,
      })),
    ],
    removedParticipantIds: [],
  });
  return familyId;
}

/** An enrollment as enrollment announces it, applied to the read model; answers its id. */
export async function enrollmentOf(
  service: TestService,
  orgId: string,
  headParticipantId: string,
  more: Partial<EnrollmentSnapshot> = {},
): Promise<string> {
  const snapshot: EnrollmentSnapshot = {
    enrollmentId: randomUUID(),
    programId: randomUUID(),
    orgId,
    headParticipantId,
    memberParticipantIds: [],
    applicationDate: '2026-01-05',
    registrationDate: null,
    participationDate: null,
    lastQualifyingServiceDate: null,
    exitDate: null,
    status: 'application',
    ...more,
  };
  await publishAndWait(service, EnrollmentCreated, snapshot, { orgId });
  return snapshot.enrollmentId;
}

/** A case note as the services service announces it (deleted when told); answers its id. */
export async function caseNoteOf(
  service: TestService,
  orgId: string,
  participantId: string,
  deleted = false,
): Promise<string> {
  const note = {
    noteId: randomUUID(),
    participantId,
    orgId,
    authorUserId: randomUUID(),
    staffUserId: randomUUID(),
    noteDate: '2026-09-01',
    restriction: 'org' as const,
    readOnly: false,
    version: 1,
  };
  await publishAndWait(service, CaseNoteAdded, note, { orgId });
  if (deleted) await publishAndWait(service, CaseNoteDeleted, { ...note, version: 2 }, { orgId });
  return note.noteId;
}

/** An open plan for a head and two children; a third child excluded (declines all services). */
export async function openPlanOf(
  service: TestService,
  sharing: Parameters<typeof participantOf>[2] = {},
) {
  const { orgId, worker } = await organization(service);
  const head = await participantOf(service, orgId, sharing);
  const [first, second, excluded] = [
    await participantOf(service, orgId),
    await participantOf(service, orgId),
    await participantOf(service, orgId),
  ];
  await familyOf(service, head, [first, second, excluded]);
  const caseNoteId = await caseNoteOf(service, orgId, excluded);
  const plan = await apiClient(service.url, worker).post('/fssps', {
    headParticipantId: head,
    assessmentDate: '2026-09-01',
    enrollmentId: await enrollmentOf(service, orgId, head),
    exclusions: [{ participantId: excluded, reason: 'declines_all_services', caseNoteId }],
  });
  if (plan.status !== 201) throw new Error(`the plan was refused: ${plan.status}`);
  return { orgId, worker, head, first, second, excluded, planId: plan.body.id as string };
}

export const goalBody = (planId: string, participantIds: string[], more: object = {}) => ({
  planId,
  kind: participantIds.length > 1 ? 'family' : 'individual',
  participantIds,
  category: 'employment',
  goal: 'obtain_employment',
  startDate: '2026-09-01',
  targetDate: '2027-03-01',
  strengths: 'Eight years in food service',
  barriers: [{ description: 'No reliable transportation' }, { description: 'Childcare hours' }],
  actionSteps: [{ text: 'Update the resume', dueDate: '2026-09-15', doneDate: '2026-09-09' }],
  ...more,
});

/**
 * A check for refusals: the status, a problem naming `field`, and the row counts `written()`
 * answered before the request unchanged (nothing half-written).
 */
export const refusalCheck =
  (written: () => Promise<Record<string, number>>) =>
  async (
    answer: { status: number; body?: { errors?: Array<{ field: string }> } },
    status: number,
    field: string,
    before: Record<string, number>,
  ) => {
    expect(answer.status).toBe(status);
    expect(answer.body?.errors?.map((e) => e.field)).toContain(field);
    expect(await written()).toEqual(before);
  };
