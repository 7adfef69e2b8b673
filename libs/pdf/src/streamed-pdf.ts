import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { PDF_FONTS, fontCovers } from './fonts';
import { paragraphDirection, textRuns } from './text-runs';

/** What a section may put on the page: the document's own calls stay inside this lib. */
export interface PdfWriter {
  /** A paragraph at this size, each script in its Noto font, flush right when it reads RTL. */
  paragraph(text: string, size: number): void;
  /** A blank line. */
  gap(): void;
  /** An entry of the PDF's outline, so a long print can be walked part by part. */
  bookmark(title: string): void;
}

/** One unit of writing: the next starts only once the reader has taken what was buffered. */
export type PdfSection = (write: PdfWriter) => void;

/**
 * A PDF of these sections, streamed: the caller pipes the returned document to the response.
 * pdfkit pushes every page it finishes whatever the reader's pace, so the sections are written
 * one at a time, each once the reader has taken what was buffered: a slow client holds back the
 * writing, not the process's memory. A reader that goes away (closed connection) stops it.
 */
export function streamedPdf(title: string, sections: Iterable<PdfSection>): Readable {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title } });
  const stream = doc as unknown as Readable;
  let wanted: (() => void) | undefined;
  const wake = () => {
    wanted?.();
    wanted = undefined;
  };
  stream._read = wake; // pdfkit's own _read does nothing: the reader asking for more is our cue
  stream.once('close', wake);
  const readerCaughtUp = () =>
    stream.readableLength < stream.readableHighWaterMark || stream.destroyed
      ? Promise.resolve()
      : new Promise<void>((resolve) => (wanted = resolve));

  for (const { name, file } of PDF_FONTS) doc.registerFont(name, file);
  const names = PDF_FONTS.map((f) => f.name);
  const writer: PdfWriter = {
    paragraph(text, size) {
      doc.fontSize(size);
      const runs = textRuns(text, names, fontCovers);
      const align = paragraphDirection(text) === 'rtl' ? 'right' : 'left';
      runs.forEach((run, i) =>
        doc.font(run.font).text(run.text, { align, continued: i < runs.length - 1 }),
      );
      if (runs.length === 0) doc.text(' ');
    },
    gap: () => void doc.moveDown(),
    bookmark: (entry) => void doc.outline.addItem(entry),
  };
  const writeAll = async () => {
    for (const section of sections) {
      await readerCaughtUp();
      if (stream.destroyed) return;
      section(writer);
    }
    doc.end();
  };
  writeAll().catch((err: Error) => stream.destroy(err));
  return stream;
}
