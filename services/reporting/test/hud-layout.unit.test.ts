import { cellsLine, csvLine, hudDate, hudId, idCell, text } from '../src/domain/hud-csv';
import { HUD_FILES } from '../src/domain/hud-files';
import { layoutOf } from '../src/domain/hud-layout';

test('a record written by position is the line the same values write by name', () => {
  const { at, blank } = layoutOf('Exit');
  const cells = blank();
  cells[at.ExitID] = text('ab"c');
  cells[at.ExitDate] = '2026-05-15';
  cells[at.Destination] = 101;
  const byName: Record<string, unknown> = {
    ExitID: 'ab"c',
    ExitDate: hudDate('2026-05-15'),
    Destination: 101,
  };
  expect(cellsLine(cells)).toBe(csvLine(HUD_FILES.Exit.map((c) => byName[c] as never)));
  expect(cellsLine(cells)).toMatch(/^"ab""c",,,2026-05-15,101,/);
});

test("the export's id goes to every ExportID column: Export.csv's first, every other file's last", () => {
  expect(layoutOf('Export').exportIdAt).toEqual([0]);
  expect(layoutOf('Client').exportIdAt).toEqual([HUD_FILES.Client.length - 1]);
});

test('an id is its 32 hex digits quoted; no id is an empty field', () => {
  const id = '3f0c1b2a-1111-4222-8333-444455556666';
  expect(hudId(id)).toBe('3f0c1b2a111142228333444455556666');
  expect(idCell(id)).toBe('"3f0c1b2a111142228333444455556666"');
  expect(idCell(null)).toBeNull();
  expect(cellsLine([idCell(null), text(null), undefined, 0])).toBe(',,,0\n');
});
