import type { Readable } from 'node:stream';
import { caseNotesPdf } from '../src/adapters/case-notes-pdf';

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
});
