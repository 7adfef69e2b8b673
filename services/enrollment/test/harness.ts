import { randomUUID } from 'node:crypto';
import {
  ParticipantCreated,
  SharingStateChanged,
  type ParticipantFacts,
  type SharingState,
} from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  rowCounts,
  startServiceForTest,
  testLogger,
  type TestService,
  type testActor,
} from '@hearth/testkit';
import { addDays, dateOf, type Clock } from '@hearth/time';
import { enrollmentService, type EnrollmentOptions } from '../src/app';
import { enrollmentEnv } from '../src/config';

export const logger = testLogger('enrollment');
export type Actor = ReturnType<typeof testActor>;
export const today = () => dateOf(new Date());
export const daysAgo = (n: number) => addDays(today(), -n);

/** Where an instance keeps its state, so another instance can run as its replica. */
type Replica = Pick<TestService, 'databaseUrl' | 'exchange' | 'queuePrefix'>;

/**
 * Enrollment on a fresh database, isolated on the shared broker with its own exchange. Other
 * instances may join the same database and exchange (`shareWith`), as several replicas would:
 * they compete on the same queues, as they would in production.
 * The auto-exit and annual-due jobs are off unless a test turns them on.
 */
export function startEnrollment(
  options: EnrollmentOptions & { clock?: Clock; shareWith?: Replica } = {},
) {
  const { shareWith, clock, ...enrollmentOptions } = options;
  return startServiceForTest(
    enrollmentService({ autoExit: false, annualDue: false, ...enrollmentOptions }),
    enrollmentEnv,
    { ...shareWith, clock, logger },
  );
}
export type Harness = TestService;

/** A participant as intake would announce it; the read model learns it from the event. */
export function participantFacts(
  ownerOrgId: string,
  overrides: Partial<ParticipantFacts> = {},
): ParticipantFacts {
  return {
    participantId: randomUUID(),
    ownerOrgId,
    firstName: 'Amina',
    middleName: null,
    lastName: 'Odhiambo',
    birthDate: '1990-04-02',
    sex: 'female',
    securityRestriction: 'restrict_to_org',
    immigrationStatus: 'refugee',
    usArrivalDate: daysAgo(400),
    ...overrides,
  };
}

/** What intake announces when it takes a participant in: their facts, and sharing version 1. */
export async function introduce(h: Harness, facts: ParticipantFacts): Promise<void> {
  await h.publish(ParticipantCreated, facts);
  await h.publish(SharingStateChanged, sharingState(facts));
}

/** A participant's whole sharing state as intake would announce it (version 1, no releases). */
export const sharingState = (
  facts: Pick<ParticipantFacts, 'participantId' | 'ownerOrgId' | 'securityRestriction'>,
  overrides: Partial<SharingState> = {},
): SharingState => ({
  participantId: facts.participantId,
  ownerOrgId: facts.ownerOrgId,
  securityRestriction: facts.securityRestriction,
  releases: [],
  sharingVersion: 1,
  ...overrides,
});

/** fetch against the service as `actor`, JSON in and out. */
export const client = apiClient;

/** Rows a rejected request must not have added. */
export const counts = (h: Harness) =>
  rowCounts(h.pool, ['enrollments', 'enrollment_members', 'program_statuses', 'outbox']);

/** The types of the events the service recorded for an enrollment, oldest first. */
export async function eventsOf(h: Harness, enrollmentId: string): Promise<string[]> {
  return (await outboxEvents(h.pool))
    .filter((e) => (e.data as { enrollmentId?: string }).enrollmentId === enrollmentId)
    .map((e) => e.type);
}

export const fieldsOf = (problem: { errors?: Array<{ field: string }> }) =>
  (problem.errors ?? []).map((e) => e.field);
