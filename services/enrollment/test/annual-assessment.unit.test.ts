import { anniversaryWindow } from '../src/domain/annual-assessment';

describe('the annual assessment window', () => {
  it.each([
    // entry 2025-03-15: first anniversary 2026-03-15, window 2026-02-13 .. 2026-04-14
    ['2025-03-15', '2026-02-12', null],
    ['2025-03-15', '2026-02-13', '2026-03-15'],
    ['2025-03-15', '2026-04-14', '2026-03-15'],
    ['2025-03-15', '2026-04-15', null],
    // never before the first anniversary's window: the entry's own date is no anniversary
    ['2025-03-15', '2025-03-20', null],
    // the second anniversary 2027-03-15: window from 2027-02-13
    ['2025-03-15', '2027-02-13', '2027-03-15'],
    // an entry on Feb 29 has its anniversary on Feb 28 (window 2025-01-29 .. 2025-03-30)
    ['2024-02-29', '2025-03-30', '2025-02-28'],
    ['2024-02-29', '2025-03-31', null],
  ])('from an entry on %s, %s is in the window of the anniversary %s', (entry, on, anniversary) => {
    expect(anniversaryWindow(entry, on)?.anniversary ?? null).toBe(anniversary);
  });
});
