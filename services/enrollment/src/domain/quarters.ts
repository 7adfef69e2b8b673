import { addDays, addMonths } from '@hearth/time';

export type QuarterAfterExit = 1 | 2 | 3 | 4;

/**
 * The n-th calendar quarter after the quarter of the exit, as DOL's performance measures count
 * them (WIOA: "the second quarter after exit" is the second whole quarter after the exit's own):
 * an exit on 2026-02-10 (Q1 2026) has its first quarter after exit from 2026-04-01 to 2026-06-30
 * and its fourth from 2027-01-01 to 2027-03-31.
 */
export function quarterAfterExit(
  exitDate: string,
  n: QuarterAfterExit,
): { start: string; end: string } {
  const [year, month] = exitDate.split('-').map(Number);
  const exitQuarterMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const exitQuarterStart = `${year}-${String(exitQuarterMonth).padStart(2, '0')}-01`;
  const start = addMonths(exitQuarterStart, 3 * n);
  return { start, end: addDays(addMonths(start, 3), -1) };
}
