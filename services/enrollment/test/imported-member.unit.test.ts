import { importedMemberProblems } from '../src/domain/imported-member';

/** The household: entered 2025-01-15, left 2025-06-30 (or still open). */
const exited = { applicationDate: '2025-01-15', exitDate: '2025-06-30' };
const open = { applicationDate: '2025-01-15', exitDate: null };
const fields = (h: typeof exited | typeof open, entryDate: string, exitDate: string | null) =>
  importedMemberProblems(h, { entryDate, exitDate }).map((p) => `${p.field}: ${p.message}`);

describe('an imported member within the household’s stay', () => {
  it('joins an exited household from the head’s entry to its exit, inclusive', () => {
    expect(fields(exited, '2025-01-15', '2025-06-30')).toEqual([]);
    expect(fields(exited, '2025-03-01', null)).toEqual([]);
  });
  it('joins an open household with or without an exit of its own', () => {
    expect(fields(open, '2026-01-01', null)).toEqual([]);
    expect(fields(open, '2025-02-01', '2025-03-01')).toEqual([]);
  });
  it('may not enter before the head', () => {
    expect(fields(open, '2025-01-14', null)).toEqual([
      'entryDate: Before the head’s entry on 2025-01-15',
    ]);
  });
  it('may not enter after, nor leave after, the household left', () => {
    expect(fields(exited, '2025-07-01', '2025-07-02')).toEqual([
      'entryDate: After the household’s exit on 2025-06-30',
      'exitDate: After the household’s exit on 2025-06-30',
    ]);
  });
  it('may not leave before it entered', () => {
    expect(fields(exited, '2025-03-01', '2025-02-28')).toEqual([
      'exitDate: Before the member’s entry on 2025-03-01',
    ]);
  });
});
