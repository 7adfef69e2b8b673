import type { Readable } from 'node:stream';
import { streamedPdf, type PdfSection } from '../src';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const paragraph =
  (text: string): PdfSection =>
  (w) => {
    w.gap();
    w.bookmark(text.slice(0, 10));
    w.paragraph(text, 11);
  };

describe('streaming a PDF section by section', () => {
  test('writes the sections as the reader takes them, not all at once into memory', async () => {
    const long = 'A long note about the visit. '.repeat(600); // about 17,000 characters
    const sections = Array.from({ length: 60 }, (_, i) => paragraph(`${i}: ${long}`));
    const stream = streamedPdf('Print', sections);
    await new Promise((resolve) => setTimeout(resolve, 200)); // nobody reads meanwhile
    const buffered = stream.readableLength;
    expect(stream.readableEnded).toBe(false);
    const pdf = await bytesOf(stream);
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect(buffered).toBeLessThan(pdf.length / 4);
  });

  test('stops writing when the reader goes away', async () => {
    const sections = Array.from({ length: 60 }, () => paragraph('x '.repeat(10_000)));
    const pagesOf = (stream: Readable) => {
      const counter = { pages: 0 };
      stream.on('pageAdded', () => (counter.pages += 1));
      return counter;
    };
    const whole = streamedPdf('Print', sections);
    const wholePages = pagesOf(whole);
    await bytesOf(whole);

    const stream = streamedPdf('Print', sections);
    const counted = pagesOf(stream);
    stream.once('data', () => stream.destroy());
    await new Promise((resolve) => stream.once('close', resolve));
    const pagesAtClose = counted.pages;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(counted.pages).toBe(pagesAtClose);
    expect(counted.pages).toBeLessThan(wholePages.pages / 2);
  });
});
