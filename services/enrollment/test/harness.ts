import { randomUUID } from 'node:crypto';
import {
  ParticipantCreated,
  SharingStateChanged,
  createEvent,
  type EventDefinition,
  type ParticipantFacts,
  type SharingState,
} from '@hearth/events';
import { createLogger } from '@hearth/logging';
import { startService, type RunningService } from '@hearth/runtime';
import { apiClient, createTestDatabase, testKeys, waitFor, type testActor } from '@hearth/testkit';
import type { z } from 'zod';
import { enrollmentService, type EnrollmentOptions } from '../src/app';
import { enrollmentEnv, type EnrollmentEnv } from '../src/config';
import { addDays, dateOf, type Clock } from '@hearth/time';

export const logger = createLogger({
  service: 'enrollment-test',
  level: process.env.TEST_LOG_LEVEL ?? 'silent',
});
export type Actor = ReturnType<typeof testActor>;
export const today = () => dateOf(new Date());
export const daysAgo = (n: number) => addDays(today(), -n);

/** Where an instance keeps its state, so another instance can run as its replica. */
interface Replica {
  databaseUrl: string;
  exchange: string;
  queuePrefix: string;
}

/**
 * Enrollment on a fresh database, isolated on the shared broker with its own exchange. Other
 * instances may join the same database and exchange (`shareWith`), as several replicas would.
 * The auto-exit job is off unless a test turns it on.
 */
export async function startEnrollment(
  options: EnrollmentOptions & { clock?: Clock; shareWith?: Replica } = {},
) {
  const db = options.shareWith ? undefined : await createTestDatabase('enrollment');
  const id = randomUUID().slice(0, 8);
  const config = enrollmentEnv.parse({
    DATABASE_URL: options.shareWith?.databaseUrl ?? db!.url,
    AMQP_URL: process.env.AMQP_URL,
    JWKS_URL: 'http://127.0.0.1:1/unused',
    PORT: '0',
  });
  const service: RunningService<EnrollmentEnv> = await startService(
    enrollmentService({ autoExit: false, ...options }),
    config,
    {
      exchange: options.shareWith?.exchange ?? `test.enrollment.${id}`,
      // replicas compete on the same queues, as they would in production
      queuePrefix: options.shareWith?.queuePrefix ?? `test-${id}.`,
      keys: testKeys,
      logger,
      relay: { pollMs: 200 },
      clock: options.clock,
    },
  );
  const pool = service.ctx.pool;
  /** Publish an event into the service through the broker, and wait until it was handled. */
  const publish = async <S extends z.ZodType>(
    definition: EventDefinition<S>,
    data: z.input<S>,
    orgId: string = randomUUID(),
  ) => {
    const event = createEvent(definition, {
      orgId,
      actor: { userId: randomUUID(), name: 'Someone elsewhere' },
      data,
    });
    const channel = service.ctx.broker.publisher!;
    channel.publish(service.ctx.broker.exchange, event.type, Buffer.from(JSON.stringify(event)), {
      messageId: event.id,
      persistent: true,
    });
    await channel.waitForConfirms();
    await waitFor(
      async () =>
        (await pool.query('SELECT 1 FROM processed_events WHERE event_id = $1', [event.id]))
          .rowCount,
      10_000,
      `${event.type} to be handled`,
    );
    return event;
  };
  return {
    service,
    pool,
    url: service.url,
    databaseUrl: config.DATABASE_URL,
    exchange: service.ctx.broker.exchange,
    queuePrefix: options.shareWith?.queuePrefix ?? `test-${id}.`,
    publish,
    close: async () => {
      await service.close();
      await db?.drop();
    },
  };
}
export type Harness = Awaited<ReturnType<typeof startEnrollment>>;

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
export async function counts(h: Harness) {
  const { rows } = await h.pool.query(
    `SELECT (SELECT count(*)::int FROM enrollments) AS enrollments,
            (SELECT count(*)::int FROM enrollment_members) AS members,
            (SELECT count(*)::int FROM program_statuses) AS statuses,
            (SELECT count(*)::int FROM outbox) AS events`,
  );
  return rows[0];
}

/** The types of the events the service recorded for an enrollment, oldest first. */
export async function eventsOf(h: Harness, enrollmentId: string): Promise<string[]> {
  const { rows } = await h.pool.query(
    "SELECT routing_key FROM outbox WHERE envelope->'data'->>'enrollmentId' = $1 ORDER BY seq",
    [enrollmentId],
  );
  return rows.map((r) => r.routing_key);
}

export const fieldsOf = (problem: { errors?: Array<{ field: string }> }) =>
  (problem.errors ?? []).map((e) => e.field);
