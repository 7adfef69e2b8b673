import { AssessmentRecorded } from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  rowCounts,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { referrals } from '../src/app';
import { referralsEnv } from '../src/config';
import { SEEDED_INDEX, answersFor, ceManagerOf, participantOf } from './ce-fixtures';

let service: TestService;
const now = new Date('2026-12-01T15:00:00Z');

beforeAll(async () => {
  service = await startServiceForTest(referrals, referralsEnv, { clock: () => now });
});
afterAll(() => service?.close());

const manager = ceManagerOf();

test('an assessment is scored from its answers and kept with their questions, labels and date', async () => {
  const participantId = await participantOf(service, manager);
  const res = await apiClient(service.url, manager).post('/assessments', {
    participantId,
    definitionId: SEEDED_INDEX,
    assessmentDate: '2026-11-30',
    answers: answersFor('unsheltered', 'yes', 'four_or_more', 'yes'),
  });
  expect(res.status).toBe(201);
  // by hand: unsheltered 3 + chronic condition 2 + four ER visits 2 + harmed 2
  expect(res.body).toMatchObject({ score: 9, definitionVersion: 1, assessmentDate: '2026-11-30' });
  expect(res.body.answers[0]).toEqual({
    questionId: 'sleeping',
    questionLabel: 'Where did you sleep most nights in the last week?',
    value: 'unsheltered',
    valueLabel: 'Outdoors, a car or a place not meant for sleeping',
    points: 3,
  });
  const [event] = (await outboxEvents(service.pool, AssessmentRecorded)).filter(
    (e) => e.data.participantId === participantId,
  );
  expect(event.data).toMatchObject({ assessmentId: res.body.id, score: 9, orgId: manager.orgId });

  const caseworker = testActor({ orgId: manager.orgId });
  const later = await apiClient(service.url, caseworker).post('/assessments', {
    participantId,
    definitionId: SEEDED_INDEX,
    assessmentDate: '2026-12-01',
    answers: answersFor('shelter', 'no', 'one_to_three', 'refused'),
  });
  expect(later.body.score).toBe(2); // shelter 1 + no 0 + one to three visits 1 + refused 0
  const list = await apiClient(service.url, manager).get(
    `/assessments?participantId=${participantId}`,
  );
  expect(list.body.items.map((a: { score: number }) => a.score)).toEqual([2, 9]);
});

test('an answer outside its question’s options is a 422 naming answers.<i>, and nothing is kept', async () => {
  const participantId = await participantOf(service, manager);
  const before = await rowCounts(service.pool, ['assessments', 'outbox']);
  const answers = answersFor('shelter', 'no', 'dozens', 'no');
  const res = await apiClient(service.url, manager).post('/assessments', {
    participantId,
    definitionId: SEEDED_INDEX,
    assessmentDate: '2026-11-30',
    answers,
  });
  expect(res.status).toBe(422);
  expect(res.body.errors).toEqual([expect.objectContaining({ field: 'answers.2.value' })]);
  const missing = await apiClient(service.url, manager).post('/assessments', {
    participantId,
    definitionId: SEEDED_INDEX,
    assessmentDate: '2026-11-30',
    answers: [...answers.slice(0, 2), { questionId: 'shoe_size', value: 'nine' }],
  });
  expect(missing.status).toBe(422);
  expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual([
    'answers.2.questionId',
    'answers',
    'answers',
  ]);
  expect(await rowCounts(service.pool, ['assessments', 'outbox'])).toEqual(before);
});

test('an assessment dated after tomorrow is refused on assessmentDate', async () => {
  const participantId = await participantOf(service, manager);
  const res = await apiClient(service.url, manager).post('/assessments', {
    participantId,
    definitionId: SEEDED_INDEX,
    assessmentDate: '2026-12-03',
    answers: answersFor('shelter', 'no', 'none', 'no'),
  });
  expect(res.status).toBe(422);
  expect(res.body.errors[0].field).toBe('assessmentDate');
});

test('another organization, or one whose release has expired, is answered 404 for the participant', async () => {
  const elsewhere = ceManagerOf();
  const expired = await participantOf(service, manager, 'share_mou', [
    { toOrgId: elsewhere.orgId, beginDate: '2026-01-01', endDate: '2026-11-30' },
  ]);
  const body = {
    participantId: expired,
    definitionId: SEEDED_INDEX,
    assessmentDate: '2026-11-30',
    answers: answersFor('shelter', 'no', 'none', 'no'),
  };
  expect((await apiClient(service.url, elsewhere).post('/assessments', body)).status).toBe(404);
  expect(
    (await apiClient(service.url, elsewhere).get(`/assessments?participantId=${expired}`)).status,
  ).toBe(404);
  expect((await apiClient(service.url, manager).post('/assessments', body)).status).toBe(201);
});

test('only case workers and CE managers assess; a contract manager is refused 403', async () => {
  const funder = testActor({ orgId: manager.orgId, roles: ['contract_manager'] });
  const participantId = await participantOf(service, manager);
  const res = await apiClient(service.url, funder).post('/assessments', {
    participantId,
    definitionId: SEEDED_INDEX,
    assessmentDate: '2026-11-30',
    answers: answersFor('shelter', 'no', 'none', 'no'),
  });
  expect(res.status).toBe(403);
});

test('editing a questionnaire adds its next version; recorded assessments keep the one they answered', async () => {
  const api = apiClient(service.url, manager);
  const made = await api.post('/assessments/definitions', {
    name: 'Youth index',
    questions: [
      {
        id: 'age',
        label: 'Age',
        options: [
          { value: 'under_18', label: 'Under 18', points: 2 },
          { value: 'adult', label: '18 to 24', points: 1 },
        ],
      },
    ],
  });
  expect(made.status).toBe(201);
  const participantId = await participantOf(service, manager);
  const first = await api.post('/assessments', {
    participantId,
    definitionId: made.body.id,
    assessmentDate: '2026-11-30',
    answers: [{ questionId: 'age', value: 'adult' }],
  });
  expect(first.body).toMatchObject({ score: 1, definitionVersion: 1 });

  const questions = [
    { ...made.body.questions[0], options: [{ value: 'adult', label: '18 to 24', points: 3 }] },
  ];
  const edited = await api.put(`/assessments/definitions/${made.body.id}`, {
    version: 1,
    name: 'Youth index',
    questions,
  });
  expect(edited.status).toBe(200);
  expect(edited.body.version).toBe(2);
  const stale = await api.put(`/assessments/definitions/${made.body.id}`, {
    version: 1,
    name: 'Youth index',
    questions,
  });
  expect(stale.status).toBe(409);
  const second = await api.post('/assessments', {
    participantId,
    definitionId: made.body.id,
    assessmentDate: '2026-12-01',
    answers: [{ questionId: 'age', value: 'adult' }],
  });
  expect(second.body).toMatchObject({ score: 3, definitionVersion: 2 });
  const list = await api.get(`/assessments?participantId=${participantId}`);
  expect(list.body.items.map((a: { score: number }) => a.score)).toEqual([3, 1]);

  const caseworker = testActor({ orgId: manager.orgId });
  expect(
    (
      await apiClient(service.url, caseworker).post('/assessments/definitions', {
        name: 'Mine',
        questions,
      })
    ).status,
  ).toBe(403);
});

test('a questionnaire with a question id used twice is a 400 naming it', async () => {
  const option = { value: 'yes', label: 'Yes', points: 1 };
  const res = await apiClient(service.url, manager).post('/assessments/definitions', {
    name: 'Twice',
    questions: [
      { id: 'q', label: 'Q', options: [option] },
      { id: 'q', label: 'Q again', options: [option] },
    ],
  });
  expect(res.status).toBe(400);
  expect(res.body.errors[0].field).toBe('questions.1.id');
});
