import { confirmationProblems } from '../src/domain/employment';
import { quarterAfterExit } from '../src/domain/quarters';

describe('quarters after exit (calendar quarters after the quarter of the exit)', () => {
  it.each([
    ['2026-02-10', 1, '2026-04-01', '2026-06-30'],
    ['2026-02-10', 2, '2026-07-01', '2026-09-30'],
    ['2026-02-10', 3, '2026-10-01', '2026-12-31'],
    ['2026-02-10', 4, '2027-01-01', '2027-03-31'],
    // the last day of a quarter still belongs to it: the next quarter is the first after exit
    ['2026-03-31', 1, '2026-04-01', '2026-06-30'],
    // the first day of a quarter: its own quarter is the exit quarter
    ['2026-04-01', 1, '2026-07-01', '2026-09-30'],
    // an exit in the year's last quarter: its quarters fall in the next year
    ['2026-11-15', 2, '2027-04-01', '2027-06-30'],
    ['2026-12-31', 4, '2027-10-01', '2027-12-31'],
  ] as const)('an exit on %s has quarter %s from %s to %s', (exit, n, start, end) => {
    expect(quarterAfterExit(exit, n)).toEqual({ start, end });
  });
});

describe('the quarter rule of confirmations', () => {
  const job = { startDate: '2026-01-05', endDate: null };
  const q3 = (confirmationDate: string) =>
    confirmationProblems(
      job,
      '2026-02-10',
      { confirmationDate, period: 'q3', periodStart: '2026-10-01', periodEnd: '2026-10-01' },
      '2027-06-15',
    ).map((e) => e.field);

  it('takes a Q3 confirmation from the first to the last day of the third quarter after exit', () => {
    expect(q3('2026-10-01')).toEqual([]);
    expect(q3('2026-12-31')).toEqual([]);
  });

  it('refuses a Q3 confirmation the day before that quarter or the day after it', () => {
    expect(q3('2026-09-30')).toEqual(['confirmationDate']);
    expect(q3('2027-01-01')).toEqual(['confirmationDate']);
  });

  it('refuses a quarter or at-exit confirmation while the enrollment has no exit', () => {
    const open = (period: 'q1' | 'at_exit') =>
      confirmationProblems(
        job,
        null,
        {
          confirmationDate: '2026-05-01',
          period,
          periodStart: '2026-05-01',
          periodEnd: '2026-05-01',
        },
        '2027-06-15',
      ).map((e) => e.field);
    expect(open('q1')).toEqual(['period']);
    expect(open('at_exit')).toEqual(['period']);
  });
});
