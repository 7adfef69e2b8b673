import { planPrint, printPlanQuery, type PrintedScore } from '../src/domain/plan-print';
import type { Goal } from '../src/store/goals';
import type { Plan } from '../src/store/plans';

const HEAD = '11111111-1111-4111-8111-111111111111';
const CHILD = '22222222-2222-4222-8222-222222222222';
const SIX = '33333333-3333-4333-8333-333333333333';

const plan: Plan = {
  id: 'p1',
  orgId: 'o1',
  familyId: 'f1',
  headParticipantId: HEAD,
  enrollmentId: 'e1',
  assessmentDate: '2026-03-01',
  assessmentType: 'initial',
  sixMonthFollowUpDate: '2026-09-01',
  twelveMonthFollowUpDate: '2027-03-01',
  status: 'open',
  closedOn: null,
  followUps: [{ id: SIX, assessmentType: 'six_month', assessmentDate: '2026-09-02' }],
  createdBy: 'u1',
  createdAt: '2026-03-01T15:00:00Z',
  version: 1,
  members: [
    {
      participantId: HEAD,
      isHead: true,
      included: true,
      exclusionReason: null,
      caseNoteId: null,
      enrollmentId: 'e1',
    },
    {
      participantId: CHILD,
      isHead: false,
      included: false,
      exclusionReason: 'declines_all_services',
      caseNoteId: 'n1',
      enrollmentId: null,
    },
  ],
};

const goal = (id: string, more: Partial<Goal>): Goal => ({
  id,
  planId: 'p1',
  orgId: 'o1',
  kind: 'individual',
  participantIds: [HEAD],
  category: 'employment',
  goal: 'obtain_employment',
  startDate: '2026-03-01',
  targetDate: '2026-12-31',
  strengths: 'Eight years in food service',
  status: 'open',
  barriers: [{ id: 'b1', description: 'No reliable transportation' }],
  actionSteps: [{ text: 'Update the resume', dueDate: '2026-03-15', doneDate: '2026-03-10' }],
  progress: null,
  version: 1,
  createdAt: '2026-03-01T15:00:00Z',
  updatedAt: '2026-03-01T15:00:00Z',
  ...more,
});
// The job goal scored 1 at the start and 3 at the 6-month follow-up (+2); the savings goal only
// at the start, 0.
const job = goal('g1', {
  progress: {
    first: { scoreDate: '2026-03-01', score: 1 },
    latest: { scoreDate: '2026-09-02', score: 3 },
    change: 2,
  },
});
const savings = goal('g2', {
  category: 'financial',
  goal: 'build_savings',
  strengths: '',
  barriers: [],
  actionSteps: [{ text: 'Open an account', dueDate: '2026-04-01', doneDate: null }],
  progress: {
    first: { scoreDate: '2026-03-01', score: 0 },
    latest: { scoreDate: '2026-03-01', score: 0 },
    change: 0,
  },
});
const scores: PrintedScore[] = [
  { goalId: 'g1', scoreDate: '2026-03-01', score: 1, assessmentId: null },
  { goalId: 'g2', scoreDate: '2026-03-01', score: 0, assessmentId: null },
  { goalId: 'g1', scoreDate: '2026-09-02', score: 3, assessmentId: SIX },
];
const print = (part: 'plan' | 'goals' | 'follow-up', followUpId?: string) =>
  planPrint({
    plan,
    goals: [job, savings],
    scores,
    creatorName: 'Dana Worker',
    // the reader may see the head (named); the child is hidden from them
    names: new Map([[HEAD, 'Amina Odhiambo']]),
    printedOn: '2026-09-10',
    part,
    followUpId,
  });

describe('what a print of an FSSP holds', () => {
  test('the whole plan: its facts and members (named when the reader may see them), then each goal numbered as the plan lists them', () => {
    const p = print('plan')!;
    expect(p.title).toBe('FSSP of 2026-03-01, printed 2026-09-10');
    expect(p.sections.map((s) => s.bookmark)).toEqual(['Plan', 'Goal 1', 'Goal 2']);
    expect(p.sections[0].lines).toEqual([
      'Assessment: 2026-03-01 (Initial)',
      'Status: Open',
      'Follow-ups due: 6-month 2026-09-01, 12-month 2027-03-01',
      'Follow-ups recorded: Six month 2026-09-02',
      'Case worker: Dana Worker',
      'Head of household Amina Odhiambo: included (enrollment e1)',
      `Member ${CHILD} (name not shown): excluded, Declines all services`,
    ]);
  });

  test('a goal shows its dates, strengths, barriers, steps, each score by date and the change', () => {
    const [first, second] = print('goals')!.sections;
    expect(first.heading).toBe('Goal 1: Employment, Obtain employment (individual)');
    expect(first.lines).toEqual([
      'From 2026-03-01 to 2026-12-31; open',
      'Members: Amina Odhiambo',
      'Strengths: Eight years in food service',
      'Barrier: No reliable transportation',
      'Step: Update the resume (due 2026-03-15, done 2026-03-10)',
      'Score 2026-03-01: 1 At Risk',
      'Score 2026-09-02: 3 Thriving',
      'Progress: 1 At Risk → 3 Thriving (+2)',
    ]);
    expect(second.lines).toEqual([
      'From 2026-03-01 to 2026-12-31; open',
      'Members: Amina Odhiambo',
      'Strengths: none recorded',
      'Step: Open an account (due 2026-04-01)',
      'Score 2026-03-01: 0 In Crisis',
      'Progress: 0 In Crisis → 0 In Crisis (0)',
    ]);
    expect(print('goals')!.sections.map((s) => s.bookmark)).toEqual(['Goal 1', 'Goal 2']);
  });

  test('a follow-up shows only the scores it recorded, under the goals’ numbers', () => {
    expect(print('follow-up', SIX)!.sections).toEqual([
      {
        bookmark: 'Follow-up 2026-09-02',
        heading: 'Six month follow-up of 2026-09-02',
        lines: ['Goal 1 (Employment, Obtain employment): 3 Thriving'],
      },
    ]);
  });

  test('a follow-up of another plan is not printed', () => {
    expect(print('follow-up', '44444444-4444-4444-8444-444444444444')).toBeUndefined();
  });
});

describe('asking for a part', () => {
  test('the whole plan by default; a follow-up needs its id, other parts take none', () => {
    expect(printPlanQuery.parse({})).toEqual({ part: 'plan' });
    const fields = (q: object) =>
      printPlanQuery.safeParse(q).error?.issues.map((i) => i.path.join('.'));
    expect(fields({ part: 'follow-up' })).toEqual(['followUpId']);
    expect(fields({ part: 'goals', followUpId: SIX })).toEqual(['followUpId']);
    expect(fields({ part: 'page' })).toEqual(['part']);
    expect(fields({ part: 'follow-up', followUpId: SIX })).toBeUndefined();
  });
});
