import { addDays, ageOn, daysBetween, wholeMonthsBetween } from '@hearth/time';
import { activePeriodProblems, applicationDateProblems } from '../src/domain/enrollment';
import {
  exitRemovalProblem,
  idleCutoff,
  isIdle,
  manualExitProblems,
  removesFromPerformance,
} from '../src/domain/program-status';

const today = '2024-06-30';
const fields = (errors: Array<{ field: string }>) => errors.map((e) => e.field);

describe('dates', () => {
  it('counts ages, months and days on calendar dates', () => {
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
    expect(wholeMonthsBetween('2024-01-31', '2024-02-29')).toBe(0);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});

describe('auto exit after more than 90 days', () => {
  const lastService = '2024-01-01';
  it.each([
    [89, false],
    [90, false],
    [91, true],
    [200, true],
  ])('day %i since the last qualifying service: idle = %s', (days, idle) => {
    const on = addDays(lastService, days);
    expect(isIdle(lastService, on)).toBe(idle);
    expect(lastService < idleCutoff(on)).toBe(idle); // the job's SQL uses the cutoff
  });
});

describe('manual exits', () => {
  const open = { applicationDate: '2024-03-01', participationDate: '2024-03-05' };
  const exit = { kind: 'exit' as const, exitDate: '2024-06-01', reason: 'completed' as const };

  it('allows an exit after participation, up to today', () => {
    expect(manualExitProblems(open, exit, today)).toEqual([]);
    expect(manualExitProblems(open, { ...exit, exitDate: today }, today)).toEqual([]);
  });

  it.each([
    [
      'before the application date',
      open,
      { ...exit, exitDate: '2024-02-28' },
      ['exitDate', 'exitDate'],
    ],
    ['in the future', open, { ...exit, exitDate: '2024-07-01' }, ['exitDate']],
    ['an exit without participation', { ...open, participationDate: null }, exit, ['kind']],
    [
      'a pre-program exit after participation',
      open,
      { ...exit, kind: 'pre_program_exit' as const },
      ['kind'],
    ],
    [
      "the auto exit's reason",
      open,
      { ...exit, reason: 'no_qualifying_service' as const },
      ['reason'],
    ],
  ])('refuses %s', (_label, enrollment, request, expected) => {
    expect(fields(manualExitProblems(enrollment, request, today))).toEqual(expected);
  });

  it('removes deceased, family care, health/medical and institutionalized exits from performance', () => {
    for (const reason of [
      'deceased',
      'family_care',
      'health_medical',
      'institutionalized',
    ] as const)
      expect(removesFromPerformance('exit', reason)).toBe(true);
    expect(removesFromPerformance('exit', 'completed')).toBe(false);
    expect(removesFromPerformance('auto_exit', 'no_qualifying_service')).toBe(false);
  });

  it('lets an exit be removed for 90 days, not after', () => {
    expect(exitRemovalProblem('2024-04-01', addDays('2024-04-01', 90))).toBeNull();
    expect(exitRemovalProblem('2024-04-01', addDays('2024-04-01', 91))?.field).toBe('exitDate');
  });
});

describe('application date', () => {
  const program = { activeFrom: '2024-01-01', activeTo: '2024-12-31' };
  const base = { birthDate: '1990-01-01', program, later: {}, today };
  it.each([
    ['before birth', { ...base, birthDate: '2024-05-01', applicationDate: '2024-04-01' }],
    ['in the future', { ...base, applicationDate: '2024-07-01' }],
    ['before the program starts', { ...base, applicationDate: '2023-12-31' }],
    [
      'after participation',
      { ...base, applicationDate: '2024-05-01', later: { participationDate: '2024-04-01' } },
    ],
  ])('refuses an application date %s', (_label, input) => {
    expect(fields(applicationDateProblems(input))).toEqual(['applicationDate']);
  });
  it('accepts a date inside the program period', () => {
    expect(applicationDateProblems({ ...base, applicationDate: '2024-06-01' })).toEqual([]);
  });
});

describe("a program's active period holds its enrollments' applications", () => {
  const applications = { first: '2024-02-01', last: '2024-05-01', count: 3 };
  it.each([
    ['no enrollments yet', { activeFrom: '2024-03-01', activeTo: '2024-04-01' }, null, []],
    [
      'around every application',
      { activeFrom: '2024-02-01', activeTo: '2024-05-01' },
      applications,
      [],
    ],
    ['open-ended', { activeFrom: '2020-01-01', activeTo: null }, applications, []],
    [
      'starting after the first',
      { activeFrom: '2024-02-02', activeTo: null },
      applications,
      ['activeFrom'],
    ],
    [
      'ending before the last',
      { activeFrom: '2024-01-01', activeTo: '2024-04-30' },
      applications,
      ['activeTo'],
    ],
    [
      'ending before it starts',
      { activeFrom: '2024-03-01', activeTo: '2024-02-01' },
      null,
      ['activeTo'],
    ],
  ])('%s', (_label, period, held, expected) => {
    expect(fields(activePeriodProblems(period, held))).toEqual(expected);
  });
});
