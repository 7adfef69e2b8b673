import { randomBytes, randomUUID } from 'node:crypto';
import { createPool, migrate, type Pool } from '@hearth/db';
import { enrollment, enrollmentEnv } from '@hearth/enrollment';
import { buildGateway, gatewayEnv } from '@hearth/gateway';
import { serve, type Running } from '@hearth/http';
import { buildIdentity, identityEnv, identitySchema, seedDemo } from '@hearth/identity';
import { intake, intakeEnv } from '@hearth/intake';
import { services, servicesEnv } from '@hearth/services';
import {
  bodyOf,
  createTestDatabase,
  mintToken,
  rowCounts,
  startServiceForTest,
  tcpProxy,
  testActor,
  testLogger,
  testPrivateKeyPem,
  waitFor,
  type Body,
  type TestService,
} from '@hearth/testkit';

/**
 * The whole system on one machine, each part as its package exports it: identity issues tokens
 * its JWKS publishes, the gateway verifies them and routes; intake writes a participant and its
 * event in one transaction; enrollment's read model receives it exactly once in effect, even
 * across a broker outage.
 */
const logger = testLogger('system');
const worker = testActor({ roles: ['caseworker'] });
const id = randomUUID().slice(0, 8);

let identityDb: Awaited<ReturnType<typeof createTestDatabase>>;
let identityPool: Pool;
let identity: Running;
let amqpProxy: Awaited<ReturnType<typeof tcpProxy>>;
let intakeService: TestService;
let enrollmentService: TestService;
let servicesService: TestService;
let gateway: Running & { stop: () => Promise<void> };

/** Identity as it boots, seeded with the demo logins; it signs with the testkit's key and kid. */
async function startIdentity(): Promise<Running> {
  identityDb = await createTestDatabase('identity');
  const config = identityEnv.parse({
    DATABASE_URL: identityDb.url,
    AMQP_URL: process.env.AMQP_URL,
    JWT_PRIVATE_KEY: testPrivateKeyPem,
    JWT_KEY_ID: 'test-key',
    PORT: '0',
  });
  identityPool = createPool(identityDb.url, logger);
  await migrate(identityPool, identitySchema, logger);
  await seedDemo(identityPool);
  return serve(buildIdentity(config, { pool: identityPool, logger }), { port: 0, logger });
}

beforeAll(async () => {
  identity = await startIdentity();
  amqpProxy = await tcpProxy(process.env.AMQP_URL!);
  // intake reaches the broker through a proxy the test can cut, as if RabbitMQ had stopped
  intakeService = await startServiceForTest(intake, intakeEnv, {
    amqpUrl: amqpProxy.url,
    env: { SSN_KEYS: `test:${randomBytes(32).toString('base64')}`, SSN_ACTIVE_KEY_ID: 'test' },
  });
  enrollmentService = await startServiceForTest(enrollment, enrollmentEnv, {
    exchange: intakeService.exchange,
  });
  servicesService = await startServiceForTest(services, servicesEnv, {
    exchange: intakeService.exchange,
  });
  const config = gatewayEnv.parse({
    PORT: '0',
    JWKS_URL: `${identity.url}/.well-known/jwks.json`,
    IDENTITY_URL: identity.url,
    INTAKE_URL: intakeService.url,
    ENROLLMENT_URL: enrollmentService.url,
    SERVICES_URL: servicesService.url,
  });
  const built = buildGateway(config, { logger });
  gateway = { ...(await serve(built.app, { port: 0, logger })), stop: built.close };
});

afterAll(async () => {
  await gateway?.close();
  await gateway?.stop();
  await intakeService?.close();
  await enrollmentService?.close();
  await servicesService?.close();
  await amqpProxy?.close();
  await identity?.close();
  await identityPool?.end();
  await identityDb?.drop();
});

/** Through the gateway, as a client would call the system. */
const viaGateway = async (path: string, init: { token?: string; body?: unknown } = {}) => {
  const res = await fetch(`${gateway.url}/api/v1${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: await bodyOf(res) };
};

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
    await enrollmentService.service.ctx.pool.query(
      'SELECT * FROM participant_facts WHERE participant_id = $1',
      [participantId],
    )
  ).rows;

/** Who may see the participant, as enrollment learned it from intake's sharing state. */
const sharingRows = async (participantId: string) =>
  (
    await enrollmentService.service.ctx.pool.query(
      'SELECT owner_org_id, security_restriction, releases, sharing_version FROM sharing_facts WHERE participant_id = $1',
      [participantId],
    )
  ).rows;

describe('intake → event → enrollment read model', () => {
  it('when intake takes a participant in, enrollment learns their facts and sharing state from its events', async () => {
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
    const outbox = await intakeService.service.ctx.pool.query(
      'SELECT envelope FROM outbox ORDER BY seq',
    );
    expect(outbox.rows[0].envelope).toMatchObject({
      type: 'intake.participant.created',
      requestId: `skeleton-${id}`,
      orgId: worker.orgId,
    });
  });

  it('keeps the event in the outbox while RabbitMQ is unreachable and delivers it once after it returns', async () => {
    amqpProxy.cut();
    await waitFor(
      () => !intakeService.service.ctx.broker.connected,
      5000,
      'intake to lose the broker',
    );
    const res = await createParticipant({
      firstName: 'Bashir',
      lastName: 'Haidari',
      birthDate: '1985-11-30',
      sex: 'male',
    });
    expect(res.status).toBe(201); // the write does not depend on the broker
    const participant = await bodyOf(res);
    await new Promise((r) => setTimeout(r, 1000));
    const pending = await intakeService.service.ctx.pool.query(
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
    const processed = await enrollmentService.service.ctx.pool.query(
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
    const { rows } = await intakeService.service.ctx.pool.query(
      "SELECT envelope FROM outbox WHERE envelope->'data'->>'participantId' = $1 ORDER BY seq",
      [participant.id],
    );
    const before = await enrollmentService.service.ctx.pool.query(
      'SELECT count(*)::int AS n FROM processed_events',
    );

    // the broker delivers the same message again (a redelivery after a lost ack looks exactly like this)
    const channel = enrollmentService.service.ctx.broker.publisher!;
    channel.publish(
      intakeService.exchange,
      rows[0].envelope.type,
      Buffer.from(JSON.stringify(rows[0].envelope)),
      { messageId: rows[0].envelope.id },
    );
    await channel.waitForConfirms();
    await new Promise((r) => setTimeout(r, 1000));
    const after = await enrollmentService.service.ctx.pool.query(
      'SELECT count(*)::int AS n FROM processed_events',
    );
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect(await readModelRows(participant.id)).toHaveLength(1);
  });
});

describe('intake rejects bad input and writes nothing', () => {
  const counts = () => rowCounts(intakeService.pool, ['participants', 'outbox']);

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

  const postRaw = (body: string) =>
    fetch(`${intakeService.url}/api/v1/participants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mintToken(worker)}`, 'content-type': 'application/json' },
      body,
    });

  it('answers malformed JSON with 400 saying it is not valid JSON', async () => {
    const malformed = await postRaw('{"firstName": ');
    expect(malformed.status).toBe(400);
    expect((await bodyOf(malformed)).detail).toMatch(/not valid JSON/);
  });

  it('answers an oversized body with 413', async () => {
    const huge = await postRaw(JSON.stringify({ firstName: 'x'.repeat(200_000) }));
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

describe('the system through the gateway', () => {
  it('when a case worker logs in and takes a participant in, enrollment judges their eligibility', async () => {
    const login = await viaGateway('/auth/login', {
      body: { email: 'caseworker@lakeshore.example', password: 'demo-password-1' },
    });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    const created = await viaGateway('/participants', {
      token,
      body: { firstName: 'Farah', lastName: 'Nasser', birthDate: '1988-09-09', sex: 'female' },
    });
    expect(created.status).toBe(201);
    expect(created.body.ownerOrgId).toBe(login.body.organization.id);

    await waitFor(
      async () => (await sharingRows(created.body.id)).length === 1,
      10_000,
      'enrollment to learn of the participant',
    );
    const eligibility = await viaGateway(`/eligibility?participantId=${created.body.id}`, {
      token,
    });
    expect(eligibility.status).toBe(200);
    expect(eligibility.body).toMatchObject({ participantId: created.body.id, items: [] });
  });
});

describe('a service recorded through the gateway', () => {
  /** A calendar date `n` days before today (UTC): in the past on every organization's calendar. */
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  const login = async (email: string) =>
    (await viaGateway('/auth/login', { body: { email, password: 'demo-password-1' } })).body
      .accessToken as string;
  /** Services knows the enrollment and who may see its participant, from their events. */
  const servicesKnow = async (enrollmentId: string, participantId: string) =>
    (
      await servicesService.pool.query(
        'SELECT 1 FROM enrollments e, sharing_facts s WHERE e.id = $1 AND s.participant_id = $2',
        [enrollmentId, participantId],
      )
    ).rowCount === 1;

  it("sets the enrollment's Participation, status and date, as the case worker then reads it", async () => {
    const caseworker = await login('caseworker@lakeshore.example');
    const supervisor = await login('supervisor@lakeshore.example');
    const participant = await viaGateway('/participants', {
      token: caseworker,
      body: { firstName: 'Hodan', lastName: 'Warsame', birthDate: '1992-03-14', sex: 'female' },
    });
    expect(participant.status).toBe(201);
    const participantId = participant.body.id as string;
    const program = await viaGateway('/programs', {
      token: supervisor,
      body: { name: `Career coaching ${id}`, fundingSource: 'KtP', activeFrom: '2020-01-01' },
    });
    expect(program.status).toBe(201);
    const catalogType = await viaGateway('/service-types', {
      token: supervisor,
      body: {
        programId: program.body.id,
        name: 'Career coaching session',
        requiresComment: false,
        requiresProvidedBy: false,
        providedByOptions: [],
        startsParticipation: true,
        updatesLastQualifyingDate: true,
        dated: false,
        training: false,
        unitsAllowed: false,
        amountAllowed: false,
      },
    });
    expect(catalogType.status).toBe(201);
    await waitFor(
      async () => (await sharingRows(participantId)).length === 1,
      10_000,
      'enrollment to learn of the participant',
    );
    const enrolled = await viaGateway('/enrollments', {
      token: caseworker,
      body: {
        programId: program.body.id,
        headParticipantId: participantId,
        applicationDate: daysAgo(10),
      },
    });
    expect(enrolled.status).toBe(201);
    const enrollmentId = enrolled.body.id as string;
    await waitFor(
      () => servicesKnow(enrollmentId, participantId),
      10_000,
      'services to learn of the enrollment',
    );

    const recorded = await viaGateway('/services', {
      token: caseworker,
      body: {
        participantId,
        enrollmentId,
        serviceTypeId: catalogType.body.id,
        serviceDate: daysAgo(3),
      },
    });
    expect(recorded.status).toBe(201);

    const read = async () =>
      (await viaGateway(`/enrollments/${enrollmentId}`, { token: caseworker })).body;
    await waitFor(
      async () => (await read()).status === 'participation',
      10_000,
      'enrollment to apply the service',
    );
    expect(await read()).toMatchObject({
      status: 'participation',
      participationDate: daysAgo(3),
      lastQualifyingServiceDate: daysAgo(3),
    });
  });
});
