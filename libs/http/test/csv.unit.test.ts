import { csvCell, csvLine } from '../src';

test('a plain cell is written as it is; null is empty; numbers are never prefixed', () => {
  expect(csvLine(['2026-09-10', 'Lakeview Apartments', null, 12, -3])).toBe(
    '2026-09-10,Lakeview Apartments,,12,-3\r\n',
  );
});

test('a cell with a comma, a quote or a line break is quoted, its quotes doubled', () => {
  expect(csvCell('Smith, Jones & Co')).toBe('"Smith, Jones & Co"');
  expect(csvCell('The "Oaks"')).toBe('"The ""Oaks"""');
  expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
});

test('a text cell starting like a formula is prefixed with a quote so it is shown, not run', () => {
  expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\r=x'].map(csvCell)).toEqual([
    "'=1+1",
    "'+1",
    "'-2",
    "'@SUM(A1)",
    "'\tx",
    `"'\r=x"`,
  ]);
  expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  expect(csvCell('a=b')).toBe('a=b');
});
