import { addMonths } from '../src';

describe('addMonths', () => {
  test('keeps the day of the month when the target month has it', () => {
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
  });

  test('a day the target month lacks becomes its last day, never a spill into the next month', () => {
    // August 31 + 6 months: February 2027 has 28 days
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    // ... and February 2028 has 29
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 12)).toBe('2027-08-31');
    expect(addMonths('2026-12-31', 6)).toBe('2027-06-30');
  });

  test('crosses years and leap days both ways', () => {
    expect(addMonths('2026-09-30', 6)).toBe('2027-03-30');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
  });
});
