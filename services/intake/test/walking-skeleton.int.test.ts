import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createLogger } from '@hearth/logging';
import { startService, type RunningService } from '@hearth/runtime';
import {
  createTestDatabase,
  mintToken,
  tcpProxy,
  testActor,
  testKeys,
  waitFor,
  bodyOf,
  type Body,
} from '@hearth/testkit';
import { enrollment } from '../../enrollment/src/app';
import { enrollmentEnv } from '../../enrollment/src/config';
import { startIntake } from './harness';

/**
 * The walking skeleton end to end: intake writes a participant and its event in one transaction;
 * enrollment's read model receives it exactly once in effect, even across a broker outage.
 */
const logger = createLogger({
  service: 'skeleton-test',
  level: process.env.TEST_LOG_LEVEL ?? 'silent',
});
const worker = testActor({ roles: ['caseworker'] });
const id = randomUUID().slice(0, 8);
const isolation = {
  exchange: `test.skeleton.${id}`,
  queuePrefix: `test-${id}.`,
  keys: testKeys,
  logger,
  relay: { pollMs: 200 },
};

let intakeDb: Awaited<ReturnType<typeof createTestDatabase>>;
let enrollmentDb: Awaited<ReturnType<typeof createTestDatabase>>;
let amqpProxy: Awaited<ReturnType<typeof tcpProxy>>;
let intakeService: RunningService;
let enrollmentService: RunningService;

const env = (url: string) => ({
  DATABASE_URL: url,
  AMQP_URL: process.env.AMQP_URL,
  JWKS_URL: 'http://127.0.0.1:1/unused',
  PORT: '0',
});

beforeAll(async () => {
  [intakeDb, enrollmentDb] = await Promise.all([
    createTestDatabase('intake'),
    createTestDatabase('enrollment'),
  ]);
  amqpProxy = await tcpProxy(process.env.AMQP_URL!);
  // intake reaches the broker through a proxy the test can cut, as if RabbitMQ had stopped
  intakeService = (await startIntake({ amqpUrl: amqpProxy.url, databaseUrl: intakeDb.url }))
    .service;
  enrollmentService = await startService(enrollment, enrollmentEnv.parse(env(enrollmentDb.url)), {
    ...isolation,
    exchange: intakeService.ctx.broker.exchange,
  });
});

afterAll(async () => {
  await intakeService?.close();
  await enrollmentService?.close();
  await amqpProxy?.close();
  await Promise.all([intakeDb?.drop(), enrollmentDb?.drop()]);
});

const createParticipant = (body: object) =>
  fetch(`${intakeService.url}/api/v1/participants`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${mintToken(worker)}`,
      'content-type': 'application/json',
      'x-request-id': `skeleton-${id}`,
    },
    body: JSON.stringify(body),
  });

const readModelRows = async (participantId: string) =>
  (
    await enrollmentService.ctx.pool.query(
      'SELECT * FROM participant_facts WHERE participant_id = $1',
      [participantId],
    )
  ).rows;

/** Who may see the participant, as enrollment learned it from intake's sharing state. */
const sharingRows = async (participantId: string) =>
  (
    await enrollmentService.ctx.pool.query(
      'SELECT owner_org_id, security_restriction, releases, sharing_version FROM sharing_facts WHERE participant_id = $1',
      [participantId],
    )
  ).rows;

describe('walking skeleton: intake → event → enrollment read model', () => {
  it('creates a participant and enrollment learns its facts from the event', async () => {
    const res = await createParticipant({
      firstName: 'Amina',
      lastName: 'Odhiambo',
      birthDate: '1990-04-02',
      sex: 'female',
    });
    expect(res.status).toBe(201);
    const participant = await bodyOf(res);
    expect(res.headers.get('location')).toBe(`/api/v1/participants/${participant.id}`);
    expect(participant).toMatchObject({
      firstName: 'Amina',
      ownerOrgId: worker.orgId,
      securityRestriction: 'restrict_to_org',
    });

    const facts = await waitFor(
      async () => (await readModelRows(participant.id))[0],
      10_000,
      'the read model',
    );
    expect(facts).toMatchObject({
      first_name: 'Amina',
      last_name: 'Odhiambo',
      birth_date: '1990-04-02',
      owner_org_id: worker.orgId,
    });
    const sharing = await waitFor(
      async () => (await sharingRows(participant.id))[0],
      10_000,
      'the sharing facts',
    );
    expect(sharing).toEqual({
      owner_org_id: worker.orgId,
      security_restriction: 'restrict_to_org',
      releases: [],
      sharing_version: 1,
    });
    const outbox = await intakeService.ctx.pool.query('SELECT envelope FROM outbox ORDER BY seq');
    expect(outbox.rows[0].envelope).toMatchObject({
      type: 'intake.participant.created',
      requestId: `skeleton-${id}`,
      orgId: worker.orgId,
    });
  });

  it('keeps the event in the outbox while RabbitMQ is unreachable and delivers it once after it returns', async () => {
    amqpProxy.cut();
    await waitFor(() => !intakeService.ctx.broker.connected, 5000, 'intake to lose the broker');
    const res = await createParticipant({
      firstName: 'Bashir',
      lastName: 'Haidari',
      birthDate: '1985-11-30',
      sex: 'male',
    });
    expect(res.status).toBe(201); // the write does not depend on the broker
    const participant = await bodyOf(res);
    await new Promise((r) => setTimeout(r, 1000));
    const pending = await intakeService.ctx.pool.query(
      'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL',
    );
    expect(pending.rows[0].n).toBe(2); // the participant's facts and their sharing state
    expect(await readModelRows(participant.id)).toHaveLength(0);

    amqpProxy.restore();
    await waitFor(
      async () =>
        (await readModelRows(participant.id)).length === 1 &&
        (await sharingRows(participant.id)).length === 1,
      20_000,
      'the events after the broker returned',
    );
    const processed = await enrollmentService.ctx.pool.query(
      'SELECT count(*)::int AS n FROM processed_events',
    );
    expect(processed.rows[0].n).toBe(4);
  });

  it('applies a redelivered event once', async () => {
    const res = await createParticipant({
      firstName: 'Chen',
      lastName: 'Wei',
      birthDate: '2001-01-15',
      sex: 'male',
    });
    const participant = await bodyOf(res);
    await waitFor(
      async () =>
        (await readModelRows(participant.id)).length === 1 &&
        (await sharingRows(participant.id)).length === 1,
      10_000,
      'the first delivery',
    );
    const { rows } = await intakeService.ctx.pool.query(
      "SELECT envelope FROM outbox WHERE envelope->'data'->>'participantId' = $1 ORDER BY seq",
      [participant.id],
    );
    const before = await enrollmentService.ctx.pool.query(
      'SELECT count(*)::int AS n FROM processed_events',
    );

    // the broker delivers the same message again (a redelivery after a lost ack looks exactly like this)
    const channel = enrollmentService.ctx.broker.publisher!;
    channel.publish(
      intakeService.ctx.broker.exchange,
      rows[0].envelope.type,
      Buffer.from(JSON.stringify(rows[0].envelope)),
      { messageId: rows[0].envelope.id },
    );
    await channel.waitForConfirms();
    await new Promise((r) => setTimeout(r, 1000));
    const after = await enrollmentService.ctx.pool.query(
      'SELECT count(*)::int AS n FROM processed_events',
    );
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect(await readModelRows(participant.id)).toHaveLength(1);
  });
});

describe('intake rejects bad input and writes nothing', () => {
  const counts = async () => {
    const client = new pg.Client({ connectionString: intakeDb.url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT (SELECT count(*)::int FROM participants) AS p, (SELECT count(*)::int FROM outbox) AS o',
    );
    await client.end();
    return rows[0];
  };

  it.each([
    [
      'a birth date in the future',
      { firstName: 'A', lastName: 'B', birthDate: '2999-01-01', sex: 'male' },
      400,
      'birthDate',
    ],
    [
      'an impossible birth date',
      { firstName: 'A', lastName: 'B', birthDate: '1990-02-30', sex: 'male' },
      400,
      'birthDate',
    ],
    ['a missing last name', { firstName: 'A', birthDate: '1990-01-01' }, 400, 'lastName'],
    [
      'an unknown field',
      { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', sex: 'male', passport: 'X1' },
      400,
      'passport',
    ],
    [
      'an unknown enum value',
      { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', securityRestriction: 'everyone' },
      400,
      'securityRestriction',
    ],
  ])('answers %s with a problem naming the field', async (_label, body, status, field) => {
    const before = await counts();
    const res = await createParticipant(body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await bodyOf(res);
    expect(problem.errors.map((e: { field: string }) => e.field).join(' ')).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const headers = {
      authorization: `Bearer ${mintToken(worker)}`,
      'content-type': 'application/json',
    };
    const malformed = await fetch(`${intakeService.url}/api/v1/participants`, {
      method: 'POST',
      headers,
      body: '{"firstName": ',
    });
    expect(malformed.status).toBe(400);
    expect((await bodyOf(malformed)).detail).toMatch(/not valid JSON/);
    const huge = await fetch(`${intakeService.url}/api/v1/participants`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ firstName: 'x'.repeat(200_000) }),
    });
    expect(huge.status).toBe(413);
  });

  it('answers a request without a token with 401', async () => {
    const res = await fetch(`${intakeService.url}/api/v1/participants`, {
      method: 'POST',
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('hides a participant of another organization as not found', async () => {
    const created = (await (
      await createParticipant({
        firstName: 'Dara',
        lastName: 'Kim',
        birthDate: '1979-06-06',
        sex: 'female',
      })
    ).json()) as Body;
    const read = (actor: ReturnType<typeof testActor>) =>
      fetch(`${intakeService.url}/api/v1/participants/${created.id}`, {
        headers: { authorization: `Bearer ${mintToken(actor)}` },
      });
    expect((await read(worker)).status).toBe(200);
    const stranger = await read(testActor({ roles: ['caseworker'] }));
    expect(stranger.status).toBe(404);
    const missing = await fetch(`${intakeService.url}/api/v1/participants/${randomUUID()}`, {
      headers: { authorization: `Bearer ${mintToken(worker)}` },
    });
    expect(await bodyOf(stranger)).toMatchObject({
      status: 404,
      detail: (await bodyOf(missing)).detail,
    });
  });
});
