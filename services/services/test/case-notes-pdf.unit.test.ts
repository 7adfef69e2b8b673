import type { Readable } from 'node:stream';
import {
  caseNotesPdf,
  NOTE_FONTS,
  noteFontCovers,
  noteFonts,
  paragraphDirection,
  textRuns,
} from '../src/adapters/case-notes-pdf';

const fontNames = NOTE_FONTS.map((f) => f.name);
const runs = (text: string) => textRuns(text, fontNames, noteFontCovers);

// Names from our caseloads, one per script the print must draw.
const NAMES = {
  arabic: 'محمد عبد الله',
  amharic: 'አበበ በቀለ',
  burmese: 'အောင်ဆန်းစုကြည်',
  russian: 'Иван Петров',
  vietnamese: 'Nguyễn Thị Ánh',
};

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('choosing a font for each run of a note’s text', () => {
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
        const glyphs = noteFonts().get(run.font)!.layout(run.text).glyphs;
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
    noteFonts()
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

describe('printing several case notes as one PDF', () => {
  test('streams a PDF embedding a font for each script of the names in the notes', async () => {
    const notes = Object.values(NAMES).map((name, i) => ({
      noteDate: `2026-06-0${i + 1}`,
      staffName: NAMES.vietnamese,
      authorName: NAMES.russian,
      text: `Home visit with ${name}.\nBrought the lease; follow up next week.`,
    }));
    const pdf = await bytesOf(caseNotesPdf(notes, 'Case notes'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    const embedded = new Set(
      [...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]),
    );
    expect([...embedded].sort()).toEqual([
      'NotoSans-Regular',
      'NotoSansArabic-Regular',
      'NotoSansEthiopic-Regular',
      'NotoSansMyanmar-Regular',
    ]);
    // each subset font is embedded with its glyph data and a map back to Unicode (copyable text)
    const fontFiles = pdf.toString('latin1').match(/\/FontFile2 \d+ 0 R/g) ?? [];
    expect(fontFiles.length).toBeGreaterThanOrEqual(4);
    expect(pdf.toString('latin1').match(/\/ToUnicode \d+ 0 R/g)?.length).toBe(fontFiles.length);
  });

  test('prints an empty paragraph and no notes without failing', async () => {
    const pdf = await bytesOf(
      caseNotesPdf(
        [{ noteDate: '2026-06-01', staffName: 'A', authorName: 'B', text: 'x\n\ny' }],
        '',
      ),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await bytesOf(caseNotesPdf([], 'Case notes'))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('writes the notes as the reader takes them, not all at once into memory', async () => {
    const long = 'A long note about the visit. '.repeat(600); // about 17,000 characters
    const notes = Array.from({ length: 60 }, (_, i) => ({
      noteDate: '2026-06-01',
      staffName: NAMES.vietnamese,
      authorName: NAMES.russian,
      text: `${i}: ${long}`,
    }));
    const stream = caseNotesPdf(notes, 'Case notes');
    await new Promise((resolve) => setTimeout(resolve, 200)); // nobody reads meanwhile
    const buffered = stream.readableLength;
    expect(stream.readableEnded).toBe(false);
    const pdf = await bytesOf(stream);
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect(buffered).toBeLessThan(pdf.length / 4);
  });

  test('stops writing when the reader goes away', async () => {
    const notes = Array.from({ length: 60 }, () => ({
      noteDate: '2026-06-01',
      staffName: 'A',
      authorName: 'B',
      text: 'x '.repeat(10_000),
    }));
    const pagesOf = (stream: Readable) => {
      const counter = { pages: 0 };
      stream.on('pageAdded', () => (counter.pages += 1));
      return counter;
    };
    const whole = caseNotesPdf(notes, 'Case notes');
    const wholePages = pagesOf(whole);
    await bytesOf(whole);

    const stream = caseNotesPdf(notes, 'Case notes');
    const counted = pagesOf(stream);
    stream.once('data', () => stream.destroy());
    await new Promise((resolve) => stream.once('close', resolve));
    const pagesAtClose = counted.pages;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(counted.pages).toBe(pagesAtClose);
    expect(counted.pages).toBeLessThan(wholePages.pages / 2);
  });
});
