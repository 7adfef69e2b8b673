import { randomUUID } from 'node:crypto';
import { FamilyChanged, ServiceRecorded } from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  publishAndWait,
  rowCounts,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { applyFamily } from '@hearth/families';
import { householdInEnrollment } from '../src/store/households';
import { servicesEnv } from '../src/config';
import { NOW, TODAY, enrollmentOf, organization, participantOf, serviceTypeOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const tables = ['services', 'outbox', 'idempotency_keys'];

/** An organization with a program, its plain type and `count` participants enrolled since 2026-01-05. */
async function program(count: number) {
  const org = organization();
  const programId = randomUUID();
  const serviceTypeId = await serviceTypeOf(service, org.supervisor, programId);
  const rows: Array<{ participantId: string; enrollmentId: string }> = [];
  for (let i = 0; i < count; i++) {
    const participantId = await participantOf(service, org.orgId);
    const e = await enrollmentOf(service, {
      orgId: org.orgId,
      programId,
      headParticipantId: participantId,
    });
    rows.push({ participantId, enrollmentId: e.enrollmentId });
  }
  return { ...org, programId, serviceTypeId, rows };
}

/**
 * Three valid rows (0, 1, 6) among four a worker cannot record: another participant's enrollment
 * (2), an enrollment exited before the date (3), a participant another organization keeps to
 * itself (4) and a participant listed twice (5).
 */
async function mixedRows() {
  const p = await program(4);
  const [a, b, c, d] = p.rows;
  const exited = await participantOf(service, p.orgId);
  const exitedEnrollment = await enrollmentOf(service, {
    orgId: p.orgId,
    programId: p.programId,
    headParticipantId: exited,
    applicationDate: '2026-02-01',
    exitDate: '2026-03-05',
  });
  const hidden = await participantOf(service, randomUUID());
  const hiddenEnrollment = await enrollmentOf(service, {
    orgId: p.orgId,
    programId: p.programId,
    headParticipantId: hidden,
  });
  const rows = [
    a,
    b,
    { participantId: d.participantId, enrollmentId: a.enrollmentId },
    { participantId: exited, enrollmentId: exitedEnrollment.enrollmentId },
    { participantId: hidden, enrollmentId: hiddenEnrollment.enrollmentId },
    a,
    c,
  ];
  const body = { serviceTypeId: p.serviceTypeId, serviceDate: TODAY, rows };
  return { ...p, body, hidden };
}

const refusedFields = [
  'rows.2.enrollmentId',
  'rows.3.serviceDate',
  'rows.4.participantId',
  'rows.5.participantId',
];

const eventsFor = async (participantIds: string[]) =>
  (await outboxEvents(service.pool, ServiceRecorded)).filter((e) =>
    participantIds.includes(e.data.participantId),
  );

test('all or nothing: one refused row and nothing is written, every refused row named by index', async () => {
  const m = await mixedRows();
  const before = await rowCounts(service.pool, tables);
  const answer = await apiClient(service.url, m.worker).post('/services/quick', {
    ...m.body,
    mode: 'all_or_nothing',
  });
  expect(answer.status).toBe(422);
  expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(refusedFields);
  expect(await rowCounts(service.pool, tables)).toEqual(before);
});

test('valid rows: the three valid rows are written with their events, the four others reported by index', async () => {
  const m = await mixedRows();
  const before = await rowCounts(service.pool, ['services', 'outbox']);
  const answer = await apiClient(service.url, m.worker).post('/services/quick', {
    ...m.body,
    mode: 'valid_rows',
  });
  expect(answer.status).toBe(201);
  expect(answer.body.recorded.map((r: { row: number }) => r.row)).toEqual([0, 1, 6]);
  expect(answer.body.refused.map((r: { field: string }) => r.field)).toEqual(refusedFields);
  expect(answer.body.refused[2]).toEqual({
    row: 4,
    participantId: m.hidden,
    field: 'rows.4.participantId',
    message: 'The participant was not found',
  });
  expect(await rowCounts(service.pool, ['services', 'outbox'])).toEqual({
    services: before.services + 3,
    outbox: before.outbox + 3,
  });
  const recorded = answer.body.recorded as Array<{ id: string; participantId: string }>;
  const events = await eventsFor(m.rows.map((r) => r.participantId));
  expect(events.map((e) => e.data.serviceId).sort()).toEqual(recorded.map((r) => r.id).sort());
  expect(events[0].data).toMatchObject({
    serviceTypeId: m.serviceTypeId,
    serviceDate: TODAY,
    startsParticipation: true,
    qualifying: true,
  });
  const saved = await apiClient(service.url, m.worker).get(`/services/${recorded[0].id}`);
  expect(saved.body).toMatchObject({
    participantId: m.rows[0].participantId,
    enrollmentId: m.rows[0].enrollmentId,
    staffUserId: m.worker.userId,
    serviceDate: TODAY,
  });
  // the hidden participant's denial is in the audit, as the single gate writes it
  await new Promise((r) => setTimeout(r, 100));
  const { rows: denials } = await service.pool.query(
    'SELECT action FROM access_denials WHERE participant_id = $1',
    [m.hidden],
  );
  expect(denials).toEqual([{ action: 'write' }]);
});

test('valid rows with no valid row is a 422 that writes nothing', async () => {
  const m = await mixedRows();
  const before = await rowCounts(service.pool, tables);
  const rows = m.body.rows.slice(2, 5);
  const answer = await apiClient(service.url, m.worker).post('/services/quick', {
    ...m.body,
    rows,
    mode: 'valid_rows',
  });
  expect(answer.status).toBe(422);
  expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([
    'rows.0.enrollmentId',
    'rows.1.serviceDate',
    'rows.2.participantId',
  ]);
  expect(await rowCounts(service.pool, tables)).toEqual(before);
});

test('what the rows share is refused once on its field: a future date, a type the rules refuse', async () => {
  const p = await program(1);
  const client = apiClient(service.url, p.worker);
  const body = {
    serviceTypeId: p.serviceTypeId,
    serviceDate: TODAY,
    rows: p.rows,
    mode: 'valid_rows',
  };
  const future = await client.post('/services/quick', { ...body, serviceDate: '2026-03-11' });
  expect(future.status).toBe(422);
  expect(future.body.errors).toEqual([
    { field: 'serviceDate', message: 'Must not be in the future' },
  ]);
  const units = await client.post('/services/quick', { ...body, units: 2 });
  expect(units.status).toBe(422);
  expect(units.body.errors).toEqual([
    { field: 'units', message: 'This service type takes no units' },
  ]);
  const otherOrgType = await serviceTypeOf(service, organization().supervisor, p.programId);
  const foreign = await client.post('/services/quick', { ...body, serviceTypeId: otherOrgType });
  expect(foreign.status).toBe(422);
  expect(foreign.body.errors[0].field).toBe('serviceTypeId');
});

test("an enrollment of another program than the type's is refused on its row", async () => {
  const p = await program(1);
  const other = await program(1);
  const participantId = await participantOf(service, p.orgId);
  const elsewhere = await enrollmentOf(service, {
    orgId: p.orgId,
    programId: other.programId,
    headParticipantId: participantId,
  });
  const answer = await apiClient(service.url, p.worker).post('/services/quick', {
    serviceTypeId: p.serviceTypeId,
    serviceDate: TODAY,
    mode: 'all_or_nothing',
    rows: [...p.rows, { participantId, enrollmentId: elsewhere.enrollmentId }],
  });
  expect(answer.status).toBe(422);
  expect(answer.body.errors).toEqual([
    {
      field: 'rows.1.enrollmentId',
      message: 'Not an enrollment in the program of this service type',
    },
  ]);
});

test("another organization's worker records nothing on this organization's participants", async () => {
  const p = await program(2);
  const other = organization();
  const theirType = await serviceTypeOf(service, other.supervisor, p.programId);
  const before = await rowCounts(service.pool, tables);
  const answer = await apiClient(service.url, other.worker).post('/services/quick', {
    serviceTypeId: theirType,
    serviceDate: TODAY,
    mode: 'valid_rows',
    rows: p.rows,
  });
  expect(answer.status).toBe(422);
  expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([
    'rows.0.participantId',
    'rows.1.participantId',
  ]);
  expect(await rowCounts(service.pool, tables)).toEqual(before);
});

test('a released participant is recorded while the release is active, refused once it has expired', async () => {
  const owner = organization();
  const p = await program(0);
  const release = (endDate: string) => ({
    securityRestriction: 'share_mou' as const,
    releases: [{ toOrgId: p.orgId, beginDate: '2026-01-01', endDate }],
  });
  const released = await participantOf(service, owner.orgId, release('2026-12-31'));
  const expired = await participantOf(service, owner.orgId, release('2026-03-09'));
  const rows = [];
  for (const participantId of [released, expired]) {
    const e = await enrollmentOf(service, {
      orgId: p.orgId,
      programId: p.programId,
      headParticipantId: participantId,
    });
    rows.push({ participantId, enrollmentId: e.enrollmentId });
  }
  const answer = await apiClient(service.url, p.worker).post('/services/quick', {
    serviceTypeId: p.serviceTypeId,
    serviceDate: TODAY,
    mode: 'valid_rows',
    rows,
  });
  expect(answer.status).toBe(201);
  expect(answer.body.recorded.map((r: { participantId: string }) => r.participantId)).toEqual([
    released,
  ]);
  expect(answer.body.refused).toEqual([
    expect.objectContaining({ row: 1, field: 'rows.1.participantId' }),
  ]);
});

test('a role that may not record services is refused as a whole', async () => {
  const p = await program(1);
  const funder = { ...p.worker, roles: ['contract_manager'] };
  const answer = await apiClient(service.url, funder).post('/services/quick', {
    serviceTypeId: p.serviceTypeId,
    serviceDate: TODAY,
    mode: 'valid_rows',
    rows: p.rows,
  });
  expect(answer.status).toBe(403);
});

test('1,001 rows are a 400 naming rows; an unknown field and a missing mode are 400s too', async () => {
  const p = await program(1);
  const client = apiClient(service.url, p.worker);
  const body = { serviceTypeId: p.serviceTypeId, serviceDate: TODAY, mode: 'valid_rows' };
  const rows = Array.from({ length: 1001 }, () => ({
    participantId: randomUUID(),
    enrollmentId: randomUUID(),
  }));
  const tooMany = await client.post('/services/quick', { ...body, rows });
  expect(tooMany.status).toBe(400);
  expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'rows' })]);
  const unknown = await client.post('/services/quick', { ...body, rows: p.rows, staff: 'x' });
  expect(unknown.status).toBe(400);
  const { mode: _mode, ...noMode } = body;
  const missing = await client.post('/services/quick', { ...noMode, rows: p.rows });
  expect(missing.status).toBe(400);
  expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'mode' })]);
  const badRow = await client.post('/services/quick', { ...body, rows: [{ participantId: 'x' }] });
  expect(badRow.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
    'rows.0.enrollmentId',
    'rows.0.participantId',
  ]);
});

test('hostile bodies are 400 problems naming the field, never 500', async () => {
  const p = await program(1);
  const client = apiClient(service.url, p.worker);
  const body = {
    serviceTypeId: p.serviceTypeId,
    serviceDate: TODAY,
    mode: 'valid_rows',
    rows: p.rows,
  };
  const cases: Array<[object, string]> = [
    [{ ...body, rows: [] }, 'rows'],
    [{ ...body, rows: 'all' }, 'rows'],
    [{ ...body, rows: [null] }, 'rows.0'],
    [{ ...body, mode: 'some' }, 'mode'],
    [{ ...body, serviceDate: '0000-01-01' }, 'serviceDate'],
    [{ ...body, units: 1e308 }, 'units'],
    [{ ...body, rows: [{ ...p.rows[0], extra: 1 }] }, 'rows.0.extra'],
    [{ ...body, comment: 'a\u0000b' }, 'comment'],
  ];
  for (const [hostile, field] of cases) {
    const answer = await client.post('/services/quick', hostile);
    expect([answer.status, answer.headers.get('content-type')]).toEqual([
      400,
      expect.stringMatching(/application\/problem\+json/),
    ]);
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
  }
  const family = await client.post('/services/family', {
    ...body,
    rows: undefined,
    enrollmentId: 'x',
  });
  expect(family.status).toBe(400);
  expect(family.body.errors).toEqual([expect.objectContaining({ field: 'enrollmentId' })]);
});

test('ids written in capitals find their participant and enrollment', async () => {
  const p = await program(1);
  const row = p.rows[0];
  const answer = await apiClient(service.url, p.worker).post('/services/quick', {
    serviceTypeId: p.serviceTypeId,
    serviceDate: TODAY,
    mode: 'all_or_nothing',
    rows: [
      {
        participantId: row.participantId.toUpperCase(),
        enrollmentId: row.enrollmentId.toUpperCase(),
      },
    ],
  });
  expect(answer.status).toBe(201);
  expect(answer.body.recorded).toEqual([expect.objectContaining(row)]);
});

test('1,000 rows are recorded in one request', async () => {
  const p = await program(1);
  const org = { orgId: p.orgId };
  // 999 more participants, straight into the read models: sharing facts and one enrollment each
  const ids = Array.from({ length: 999 }, () => randomUUID());
  const enrollments = ids.map(() => randomUUID());
  await service.pool.query(
    `INSERT INTO sharing_facts (participant_id, owner_org_id, security_restriction, releases, sharing_version)
     SELECT unnest($1::uuid[]), $2, 'restrict_to_org', '[]', 1`,
    [ids, org.orgId],
  );
  await service.pool.query(
    `INSERT INTO enrollments (id, program_id, org_id, head_participant_id, application_date, status, snapshot_at)
     SELECT e, $3, $2, p, '2026-01-05', 'application', now() FROM unnest($1::uuid[], $4::uuid[]) AS t (p, e)`,
    [ids, org.orgId, p.programId, enrollments],
  );
  await service.pool.query(
    'INSERT INTO enrollment_members SELECT * FROM unnest($1::uuid[], $2::uuid[])',
    [enrollments, ids],
  );
  const rows = [
    ...p.rows,
    ...ids.map((participantId, i) => ({ participantId, enrollmentId: enrollments[i] })),
  ];
  const answer = await apiClient(service.url, p.worker).post('/services/quick', {
    serviceTypeId: p.serviceTypeId,
    serviceDate: TODAY,
    mode: 'all_or_nothing',
    rows,
  });
  expect(answer.status).toBe(201);
  expect(answer.body.recorded).toHaveLength(1000);
  const { rows: counted } = await service.pool.query(
    'SELECT count(*)::int AS n FROM services WHERE service_type_id = $1',
    [p.serviceTypeId],
  );
  expect(counted[0].n).toBe(1000);
});

describe('Idempotency-Key', () => {
  const quick = async () => {
    const p = await program(2);
    const body = {
      serviceTypeId: p.serviceTypeId,
      serviceDate: TODAY,
      mode: 'all_or_nothing',
      rows: p.rows,
    };
    return { ...p, body, key: { 'idempotency-key': randomUUID() } };
  };
  const written = async (serviceTypeId: string) =>
    (
      await service.pool.query(
        'SELECT count(*)::int AS n FROM services WHERE service_type_id = $1',
        [serviceTypeId],
      )
    ).rows[0].n;

  test('the same key and body answer the same status and body again, and write once', async () => {
    const q = await quick();
    const client = apiClient(service.url, q.worker);
    const first = await client.post('/services/quick', q.body, q.key);
    const again = await client.post('/services/quick', q.body, q.key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    expect(await written(q.serviceTypeId)).toBe(2);
    expect(await eventsFor(q.rows.map((r) => r.participantId))).toHaveLength(2);
  });

  test('the same key with another body is a 422 naming the key, and writes nothing', async () => {
    const q = await quick();
    const client = apiClient(service.url, q.worker);
    await client.post('/services/quick', q.body, q.key);
    const before = await rowCounts(service.pool, tables);
    const other = await client.post('/services/quick', { ...q.body, rows: [q.rows[0]] }, q.key);
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(await rowCounts(service.pool, tables)).toEqual(before);
  });

  test("keys are per actor: another worker's request with the same key is their own", async () => {
    const q = await quick();
    await apiClient(service.url, q.worker).post('/services/quick', q.body, q.key);
    const colleague = { ...q.worker, userId: randomUUID() };
    const theirs = await apiClient(service.url, colleague).post(
      '/services/quick',
      { ...q.body, rows: [q.rows[0]] },
      q.key,
    );
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotency-replayed')).toBeNull();
    expect(await written(q.serviceTypeId)).toBe(3);
  });

  test('a refused request keeps no answer: the key is free for the corrected request', async () => {
    const q = await quick();
    const client = apiClient(service.url, q.worker);
    const refused = await client.post(
      '/services/quick',
      { ...q.body, serviceDate: '2026-03-11' },
      q.key,
    );
    expect(refused.status).toBe(422);
    const corrected = await client.post('/services/quick', q.body, q.key);
    expect(corrected.status).toBe(201);
  });

  test('concurrent retries with one key write once and all answer the same', async () => {
    const q = await quick();
    const client = apiClient(service.url, q.worker);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => client.post('/services/quick', q.body, q.key)),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    for (const a of answers) expect(a.body).toEqual(answers[0].body);
    expect(await written(q.serviceTypeId)).toBe(2);
  });

  test('the header is in the OpenAPI of both routes', async () => {
    const doc = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
      paths: Record<string, { post: { parameters: Array<{ name: string; in: string }> } }>;
    };
    for (const path of ['/api/v1/services/quick', '/api/v1/services/family'])
      expect(doc.paths[path].post.parameters).toEqual([
        expect.objectContaining({ name: 'idempotency-key', in: 'header' }),
      ]);
  });

  test('a malformed key is a 400 naming the header', async () => {
    const q = await quick();
    const answer = await apiClient(service.url, q.worker).post('/services/quick', q.body, {
      'idempotency-key': 'with spaces',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: 'headers.idempotency-key' }),
    ]);
  });
});

describe('family services', () => {
  /**
   * A household of four (head, spouse, child, grandmother) of whom head, spouse and child are in
   * the enrollment, plus an enrollment member who is not of the household.
   */
  async function household() {
    const p = await program(0);
    const [head, spouse, child, grandmother, lodger] = await Promise.all(
      Array.from({ length: 5 }, () => participantOf(service, p.orgId)),
    );
    const relationship = ['head_of_household', 'spouse', 'child', 'grandparent'] as const;
    await publishAndWait(
      service,
      FamilyChanged,
      {
        familyId: randomUUID(),
        headParticipantId: head,
        members: [head, spouse, child, grandmother].map((participantId, i) => ({
          participantId,
          relationship: relationship[i],
          isCurrentFamily: true,
        })),
        removedParticipantIds: [],
      },
      { orgId: p.orgId },
    );
    const enrollment = await enrollmentOf(service, {
      orgId: p.orgId,
      programId: p.programId,
      headParticipantId: head,
      memberParticipantIds: [spouse, child, lodger],
    });
    return { ...p, head, spouse, child, grandmother, lodger, enrollment };
  }

  test("one service each for the enrollment's household members, none for those outside it", async () => {
    const h = await household();
    const answer = await apiClient(service.url, h.worker).post('/services/family', {
      serviceTypeId: h.serviceTypeId,
      serviceDate: TODAY,
      mode: 'all_or_nothing',
      enrollmentId: h.enrollment.enrollmentId,
    });
    expect(answer.status).toBe(201);
    const served = answer.body.recorded.map((r: { participantId: string }) => r.participantId);
    expect(served.sort()).toEqual([h.head, h.spouse, h.child].sort());
    const events = await eventsFor([h.head, h.spouse, h.child, h.grandmother, h.lodger]);
    expect(events.map((e) => e.data.participantId).sort()).toEqual(served.sort());
    expect(new Set(events.map((e) => e.data.enrollmentId))).toEqual(
      new Set([h.enrollment.enrollmentId]),
    );
  });

  test('a family the head no longer calls current reaches only the head; an older snapshot is ignored', async () => {
    const p = await program(0);
    const [head, spouse] = await Promise.all([1, 2].map(() => participantOf(service, p.orgId)));
    const e = await enrollmentOf(service, {
      orgId: p.orgId,
      programId: p.programId,
      headParticipantId: head,
      memberParticipantIds: [spouse],
    });
    const family = (isCurrentFamily: boolean) => ({
      familyId: randomUUID(),
      headParticipantId: head,
      members: [head, spouse].map((participantId) => ({
        participantId,
        relationship: 'spouse' as const,
        isCurrentFamily,
      })),
      removedParticipantIds: [],
    });
    const current = family(true);
    await applyFamily(service.pool, current, '2026-03-02T00:00:00Z');
    expect(await householdInEnrollment(service.pool, e.enrollmentId, p.orgId)).toEqual(
      [head, spouse].sort(),
    );
    const left = {
      ...current,
      members: current.members.map((m) => ({ ...m, isCurrentFamily: false })),
    };
    await applyFamily(service.pool, left, '2026-03-03T00:00:00Z');
    await applyFamily(service.pool, current, '2026-03-01T00:00:00Z'); // delivered late: older
    expect(await householdInEnrollment(service.pool, e.enrollmentId, p.orgId)).toEqual([head]);
    expect(await householdInEnrollment(service.pool, e.enrollmentId, randomUUID())).toBeUndefined();
  });

  test("another organization's enrollment is refused on enrollmentId", async () => {
    const h = await household();
    const answer = await apiClient(service.url, organization().worker).post('/services/family', {
      serviceTypeId: h.serviceTypeId,
      serviceDate: TODAY,
      mode: 'valid_rows',
      enrollmentId: h.enrollment.enrollmentId,
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'enrollmentId' })]);
  });
});
