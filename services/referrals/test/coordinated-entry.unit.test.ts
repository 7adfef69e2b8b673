import { scoreAssessment, type Question } from '../src/domain/assessment';
import { matchProblems, replyOverdue } from '../src/domain/vacancy';

const index: Question[] = [
  {
    id: 'sleeping',
    label: 'Where',
    options: [
      { value: 'shelter', label: 'Shelter', points: 1 },
      { value: 'unsheltered', label: 'Outside', points: 3 },
    ],
  },
  { id: 'health', label: 'Health', options: [{ value: 'yes', label: 'Yes', points: 2 }] },
];

test('the score is the sum of the chosen options’ points', () => {
  const scored = scoreAssessment(index, [
    { questionId: 'health', value: 'yes' },
    { questionId: 'sleeping', value: 'unsheltered' },
  ]);
  expect(scored).toMatchObject({ score: 5 }); // 2 + 3
});

test('a question answered twice, or left unanswered, is named', () => {
  const twice = scoreAssessment(index, [
    { questionId: 'sleeping', value: 'shelter' },
    { questionId: 'sleeping', value: 'unsheltered' },
  ]);
  expect(twice).toEqual({
    problems: [
      { field: 'answers.1.questionId', message: 'Answered twice' },
      { field: 'answers', message: 'health is unanswered' },
    ],
  });
});

test('a match needs an available vacancy, a waiting entry and a unit the household fits', () => {
  const free = { status: 'available' as const, householdSize: 2 };
  expect(matchProblems(free, { status: 'waiting', householdSize: 2 })).toBeUndefined();
  expect(
    matchProblems({ ...free, status: 'reserved' }, { status: 'waiting', householdSize: 1 }),
  ).toEqual({ conflict: [{ field: 'vacancyId', message: 'The vacancy is reserved' }] });
  expect(matchProblems(free, { status: 'referred', householdSize: 1 })).toHaveProperty('conflict');
  expect(matchProblems(free, { status: 'waiting', householdSize: 3 })).toHaveProperty(
    'unprocessable',
  );
});

test('a reservation is overdue once more than the configured whole days have passed', () => {
  const reservedAt = new Date('2026-12-01T15:00:00Z');
  expect(replyOverdue(reservedAt, new Date('2026-12-04T15:00:00Z'), 3)).toBe(false);
  expect(replyOverdue(reservedAt, new Date('2026-12-04T15:00:01Z'), 3)).toBe(true);
  expect(replyOverdue(null, new Date('2027-01-01T00:00:00Z'), 3)).toBe(false);
});
