import { finalRentExitProblems } from '../src/domain/rent-assistance';

describe("a Rent Assistance record's exit and its Hub Final Rent Exit service", () => {
  it('without one: refused on kind', () => {
    expect(finalRentExitProblems(null, '2026-11-30').map((p) => p.field)).toEqual(['kind']);
  });

  it('dated otherwise than the service: refused on exitDate, naming the date', () => {
    expect(finalRentExitProblems('2026-11-30', '2026-12-01')).toEqual([
      {
        field: 'exitDate',
        message:
          'Must be the date of the Hub Final Rent Exit service, 2026-11-30 (the last day of the last month paid)',
      },
    ]);
  });

  it("on the service's date: no problem", () => {
    expect(finalRentExitProblems('2026-11-30', '2026-11-30')).toEqual([]);
  });
});
