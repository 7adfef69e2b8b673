import { randomUUID } from 'node:crypto';
import { GradePromotionRecorded } from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  rowCounts,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, enrollmentOf, organization, participantOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const tables = ['grade_promotions', 'outbox'];

/** An organization's RSI program with `n` students enrolled since 2026-01-05. */
async function school(n: number, kind: 'rsi' | 'rym' | null = 'rsi') {
  const org = organization();
  const programId = randomUUID();
  const students = [];
  for (let i = 0; i < n; i++) {
    const participantId = await participantOf(service, org.orgId);
    const e = await enrollmentOf(service, {
      orgId: org.orgId,
      programId,
      programKind: kind,
      headParticipantId: participantId,
    });
    students.push({ participantId, enrollmentId: e.enrollmentId });
  }
  return { ...org, programId, students, client: apiClient(service.url, org.worker) };
}

const promote = (students: unknown[], promotionDate = '2026-03-02') => ({
  promotionDate,
  providerType: 'school_district',
  comment: 'Promoted to grade 5',
  students,
});

test('one student promoted on a date: recorded, listed, and announced', async () => {
  const s = await school(1);
  const answer = await s.client.post('/grade-promotions', promote(s.students));
  expect(answer.status).toBe(201);
  expect(answer.body.items).toEqual([
    expect.objectContaining({
      ...s.students[0],
      promotionDate: '2026-03-02',
      providerType: 'school_district',
      comment: 'Promoted to grade 5',
      recordedBy: s.worker.userId,
    }),
  ]);
  const list = await s.client.get(`/grade-promotions?participantId=${s.students[0].participantId}`);
  expect(list.status).toBe(200);
  expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([answer.body.items[0].id]);
  const events = (await outboxEvents(service.pool, GradePromotionRecorded)).filter(
    (e) => e.data.gradePromotionId === answer.body.items[0].id,
  );
  expect(events.map((e) => e.data)).toEqual([
    {
      gradePromotionId: answer.body.items[0].id,
      ...s.students[0],
      promotionDate: '2026-03-02',
      providerType: 'school_district',
    },
  ]);
});

test('many students at once: one promotion and one event each', async () => {
  const s = await school(3);
  const before = await rowCounts(service.pool, tables);
  const answer = await s.client.post('/grade-promotions', promote(s.students));
  expect(answer.status).toBe(201);
  expect(answer.body.items).toHaveLength(3);
  const after = await rowCounts(service.pool, tables);
  expect(after.grade_promotions - before.grade_promotions).toBe(3);
  expect(after.outbox - before.outbox).toBe(3);
});

test('a student promoted twice on one date is a 409 naming the row, and nothing is written', async () => {
  const s = await school(3);
  expect((await s.client.post('/grade-promotions', promote([s.students[1]]))).status).toBe(201);
  const before = await rowCounts(service.pool, tables);
  const again = await s.client.post('/grade-promotions', promote(s.students));
  expect(again.status).toBe(409);
  expect(again.body.errors).toEqual([
    { field: 'students.1.participantId', message: 'Already promoted on this date' },
  ]);
  expect(await rowCounts(service.pool, tables)).toEqual(before);
  // another date is another promotion
  expect((await s.client.post('/grade-promotions', promote(s.students, '2026-03-03'))).status).toBe(
    201,
  );
});

test('the same student listed twice in one request is a 422 on the second row', async () => {
  const s = await school(1);
  const answer = await s.client.post('/grade-promotions', promote([s.students[0], s.students[0]]));
  expect(answer.status).toBe(422);
  expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([
    'students.1.participantId',
  ]);
});

test('two requests promoting the same student on one date at once: one wins, one is a 409', async () => {
  const s = await school(1);
  const answers = await Promise.all(
    [1, 2].map(() => s.client.post('/grade-promotions', promote(s.students))),
  );
  expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
  const { rows } = await service.pool.query(
    'SELECT count(*)::int AS n FROM grade_promotions WHERE participant_id = $1',
    [s.students[0].participantId],
  );
  expect(rows[0].n).toBe(1);
  // the database itself holds the rule, whatever passed the check before it
  const twice = service.pool.query(
    `INSERT INTO grade_promotions (id, org_id, participant_id, enrollment_id, promotion_date,
       provider_type, recorded_by, recorded_at)
     SELECT $1, org_id, participant_id, enrollment_id, promotion_date, provider_type, recorded_by,
       recorded_at FROM grade_promotions WHERE participant_id = $2`,
    [randomUUID(), s.students[0].participantId],
  );
  await expect(twice).rejects.toMatchObject({ code: '23505' });
});

test('an enrollment of a program that is not RSI is refused (422 on its row)', async () => {
  for (const kind of [null, 'rym'] as const) {
    const other = await school(1, kind);
    const before = await rowCounts(service.pool, tables);
    const answer = await other.client.post('/grade-promotions', promote(other.students));
    expect(answer.status).toBe(422);
    expect(answer.body.errors[0].field).toBe('students.0.enrollmentId');
    expect(await rowCounts(service.pool, tables)).toEqual(before);
  }
});

test('one row at fault refuses the whole request: the good rows are not written either', async () => {
  const s = await school(2);
  const participantId = await participantOf(service, s.orgId);
  const general = await enrollmentOf(service, {
    orgId: s.orgId,
    programId: randomUUID(),
    headParticipantId: participantId,
  });
  const before = await rowCounts(service.pool, tables);
  const answer = await s.client.post(
    '/grade-promotions',
    promote([...s.students, { participantId, enrollmentId: general.enrollmentId }]),
  );
  expect(answer.status).toBe(422);
  expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([
    'students.2.enrollmentId',
  ]);
  expect(await rowCounts(service.pool, tables)).toEqual(before);
});

test('a future date, or an enrollment not active on the date, is a 422 naming the field', async () => {
  const s = await school(1);
  const future = await s.client.post('/grade-promotions', promote(s.students, '2026-03-11'));
  expect(future.status).toBe(422);
  expect(future.body.errors[0].field).toBe('promotionDate');
  const beforeEnrollment = await s.client.post(
    '/grade-promotions',
    promote(s.students, '2026-01-04'),
  );
  expect(beforeEnrollment.status).toBe(422);
  expect(beforeEnrollment.body.errors[0].field).toBe('students.0.enrollmentId');
});

test('a student of another organization is a 404 naming the row; an unknown provider type a 400', async () => {
  const s = await school(1);
  const stranger = await school(1);
  const answer = await s.client.post(
    '/grade-promotions',
    promote([...s.students, ...stranger.students]),
  );
  expect(answer.status).toBe(404);
  expect(answer.body.errors[0].field).toBe('students.1.participantId');
  const bad = await s.client.post('/grade-promotions', {
    ...promote(s.students),
    providerType: 'wizard',
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].field).toBe('providerType');
  const none = await s.client.post('/grade-promotions', promote([]));
  expect(none.status).toBe(400);
  expect(none.body.errors[0].field).toBe('students');
});

test('every hidden student of a request is a 404 naming its row, audited, and nothing is written', async () => {
  const s = await school(2);
  const stranger = await school(1);
  const lapsedFor = organization();
  // a student of another organization shared with the actor's under a release that ended
  const lapsed = await participantOf(service, lapsedFor.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: s.orgId, beginDate: '2025-01-01', endDate: '2026-02-28' }],
  });
  const unknown = randomUUID(); // no sharing facts have arrived: visible to no one
  const students = [
    s.students[0],
    ...stranger.students,
    { participantId: lapsed, enrollmentId: randomUUID() },
    s.students[1],
    { participantId: unknown, enrollmentId: randomUUID() },
  ];
  const before = await rowCounts(service.pool, tables);
  const answer = await s.client.post('/grade-promotions', promote(students));
  expect(answer.status).toBe(404);
  expect(answer.body.errors).toEqual(
    [1, 2, 4].map((i) => ({ field: `students.${i}.participantId`, message: 'Not found' })),
  );
  expect(await rowCounts(service.pool, tables)).toEqual(before);
  await new Promise((r) => setTimeout(r, 100)); // the denials are written after the answer
  const { rows } = await service.pool.query(
    'SELECT participant_id, action FROM access_denials WHERE user_id = $1 ORDER BY participant_id',
    [s.worker.userId],
  );
  expect(rows).toEqual(
    [stranger.students[0].participantId, lapsed]
      .sort()
      .map((participant_id) => ({ participant_id, action: 'write' })),
  );
});

test('the list goes through the participant gate: another organization gets 404', async () => {
  const s = await school(1);
  await s.client.post('/grade-promotions', promote(s.students));
  const stranger = apiClient(service.url, organization().worker);
  const answer = await stranger.get(
    `/grade-promotions?participantId=${s.students[0].participantId}`,
  );
  expect(answer.status).toBe(404);
});

test('a partner reads the promotions through an active release, not after it expired', async () => {
  const org = organization();
  const partner = organization();
  const programId = randomUUID();
  const participantId = await participantOf(service, org.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: partner.orgId, beginDate: '2026-01-01', endDate: '2026-12-31' }],
  });
  const expiredFor = organization();
  const other = await participantOf(service, org.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: expiredFor.orgId, beginDate: '2025-01-01', endDate: '2026-02-28' }],
  });
  const students = [];
  for (const id of [participantId, other]) {
    const e = await enrollmentOf(service, {
      orgId: org.orgId,
      programId,
      programKind: 'rsi',
      headParticipantId: id,
    });
    students.push({ participantId: id, enrollmentId: e.enrollmentId });
  }
  const client = apiClient(service.url, org.worker);
  expect((await client.post('/grade-promotions', promote(students))).status).toBe(201);
  const shared = await apiClient(service.url, partner.worker).get(
    `/grade-promotions?participantId=${participantId}`,
  );
  expect(shared.status).toBe(200);
  expect(shared.body.items).toHaveLength(1);
  const expired = await apiClient(service.url, expiredFor.worker).get(
    `/grade-promotions?participantId=${other}`,
  );
  expect(expired.status).toBe(404);
});

test('promotions are listed newest first, a page at a time', async () => {
  const s = await school(1);
  for (const date of ['2026-01-10', '2026-02-10', '2026-03-01'])
    expect((await s.client.post('/grade-promotions', promote(s.students, date))).status).toBe(201);
  const id = s.students[0].participantId;
  const first = await s.client.get(`/grade-promotions?participantId=${id}&limit=2`);
  expect(first.body.items.map((p: { promotionDate: string }) => p.promotionDate)).toEqual([
    '2026-03-01',
    '2026-02-10',
  ]);
  const next = await s.client.get(
    `/grade-promotions?participantId=${id}&limit=2&cursor=${first.body.nextCursor}`,
  );
  expect(next.body.items.map((p: { promotionDate: string }) => p.promotionDate)).toEqual([
    '2026-01-10',
  ]);
  expect(next.body.nextCursor).toBeNull();
});
