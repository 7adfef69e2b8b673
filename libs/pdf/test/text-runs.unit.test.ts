import { PDF_FONTS, fontCovers, paragraphDirection, pdfFonts, textRuns } from '../src';

const fontNames = PDF_FONTS.map((f) => f.name);
const runs = (text: string) => textRuns(text, fontNames, fontCovers);

// Names from our caseloads, one per script the print must draw.
const NAMES = {
  arabic: 'محمد عبد الله',
  amharic: 'አበበ በቀለ',
  burmese: 'အောင်ဆန်းစုကြည်',
  russian: 'Иван Петров',
  vietnamese: 'Nguyễn Thị Ánh',
};

describe('choosing a font for each run of a paragraph', () => {
  test('a name in one script is one run in that script’s font', () => {
    expect(runs(NAMES.arabic)).toEqual([{ text: NAMES.arabic, font: 'noto-sans-arabic-arabic' }]);
    expect(runs(NAMES.amharic)).toEqual([
      { text: NAMES.amharic, font: 'noto-sans-ethiopic-ethiopic' },
    ]);
    expect(runs(NAMES.burmese)).toEqual([
      { text: NAMES.burmese, font: 'noto-sans-myanmar-myanmar' },
    ]);
    expect(runs(NAMES.russian)).toEqual([{ text: NAMES.russian, font: 'noto-sans-cyrillic' }]);
  });

  test('a Vietnamese name takes its tone-marked letters from the vietnamese subset', () => {
    expect(runs('Nguyễn')).toEqual([
      { text: 'Nguy', font: 'noto-sans-latin' },
      { text: 'ễ', font: 'noto-sans-vietnamese' },
      { text: 'n', font: 'noto-sans-latin' },
    ]);
    // typed as e + circumflex + tilde, it is printed as the one precomposed letter
    expect(runs('Nguye\u0302\u0303n')).toEqual(runs('Nguyễn'));
  });

  test('a line mixing scripts switches font at the script, keeping the space with the word before', () => {
    expect(runs('Met Иван and محمد')).toEqual([
      { text: 'Met ', font: 'noto-sans-latin' },
      { text: 'Иван ', font: 'noto-sans-cyrillic' },
      { text: 'and ', font: 'noto-sans-latin' },
      { text: 'محمد', font: 'noto-sans-arabic-arabic' },
    ]);
  });

  test.each(Object.entries(NAMES))(
    'every glyph of the %s name is in the font chosen for it (no .notdef)',
    (_script, name) => {
      for (const run of runs(name)) {
        const glyphs = pdfFonts().get(run.font)!.layout(run.text).glyphs;
        expect(glyphs.length).toBeGreaterThan(0);
        expect(glyphs.filter((g) => g.id === 0)).toEqual([]);
      }
    },
  );
});

test('a character no font draws is kept in the current font, where the check sees its .notdef', () => {
  const [run] = runs('王');
  expect(run).toEqual({ text: '王', font: 'noto-sans-latin' });
  expect(
    pdfFonts()
      .get(run.font)!
      .layout(run.text)
      .glyphs.map((g) => g.id),
  ).toEqual([0]);
});

test('a paragraph reads right to left when its first letter is Arabic', () => {
  expect(paragraphDirection(`${NAMES.arabic} came on 2026-06-01`)).toBe('rtl');
  expect(paragraphDirection(`12: ${NAMES.arabic}`)).toBe('rtl'); // digits are not letters
  expect(paragraphDirection(`Met ${NAMES.arabic}`)).toBe('ltr');
  expect(paragraphDirection(NAMES.amharic)).toBe('ltr');
  expect(paragraphDirection('')).toBe('ltr');
});
