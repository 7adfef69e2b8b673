import path from 'node:path';
import type { Readable } from 'node:stream';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
// the caller has already decided the actor may read each note it prints
import type { PrintableNote } from '../domain/case-note-print';

/**
 * Noto Sans by script, as @fontsource ships it: one WOFF per Unicode subset (fontkit reads
 * WOFF2 too; WOFF is the one these prints are tested with). Latin first, so plain text
 * stays in one font; a Vietnamese name mixes latin letters and the vietnamese subset's.
 */
const FONT_FILES: readonly (readonly [pkg: string, file: string])[] = [
  ['@fontsource/noto-sans', 'noto-sans-latin-400-normal.woff'],
  ['@fontsource/noto-sans', 'noto-sans-latin-ext-400-normal.woff'],
  ['@fontsource/noto-sans', 'noto-sans-vietnamese-400-normal.woff'],
  ['@fontsource/noto-sans', 'noto-sans-cyrillic-400-normal.woff'],
  ['@fontsource/noto-sans', 'noto-sans-cyrillic-ext-400-normal.woff'],
  ['@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-400-normal.woff'],
  ['@fontsource/noto-sans-ethiopic', 'noto-sans-ethiopic-ethiopic-400-normal.woff'],
  ['@fontsource/noto-sans-myanmar', 'noto-sans-myanmar-myanmar-400-normal.woff'],
];

export interface NoteFont {
  /** the name the font is registered under in the document */
  name: string;
  file: string;
}

// The packages export only CSS, so the font files are found beside their index.css.
export const NOTE_FONTS: readonly NoteFont[] = FONT_FILES.map(([pkg, file]) => ({
  name: file.replace(/-400-normal\.woff$/, ''),
  file: path.join(path.dirname(require.resolve(pkg)), 'files', file),
}));

/** A stretch of text and the font that draws it. */
export interface TextRun {
  text: string;
  font: string;
}

/** Does the font named `fontName` draw this code point? */
export type Covers = (fontName: string, codePoint: number) => boolean;

/**
 * Cuts text into runs, each in one font: a character stays in the run it follows while that
 * run's font draws it (spaces, digits and marks do not break a word's shaping), else it starts a
 * run in the first font that does. A character no font draws keeps the current font (a box in
 * the PDF, not a lost character). Text is NFC first, so a decomposed Vietnamese letter is the
 * one precomposed glyph the font has, not a base and a mark in two fonts.
 */
export function textRuns(text: string, fontNames: readonly string[], covers: Covers): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text.normalize('NFC')) {
    const cp = char.codePointAt(0)!;
    const current = runs.at(-1);
    if (current && covers(current.font, cp)) {
      current.text += char;
      continue;
    }
    const font = fontNames.find((name) => covers(name, cp)) ?? current?.font ?? fontNames[0];
    if (current?.font === font) current.text += char;
    else runs.push({ text: char, font });
  }
  return runs;
}

/**
 * The direction a paragraph reads in, from its first letter (the rule of Unicode's bidi algorithm
 * for a paragraph's level): an Arabic note is set flush right. Within a line, fontkit lays an
 * Arabic run out right to left; runs in other scripts inside it keep their written order.
 */
export function paragraphDirection(text: string): 'ltr' | 'rtl' {
  const first = /\p{L}/u.exec(text)?.[0];
  return first &&
    /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u.test(first)
    ? 'rtl'
    : 'ltr';
}

let opened: Map<string, fontkit.Font> | undefined;
/** The note fonts as fontkit reads them (the engine pdfkit embeds with), opened once. */
export function noteFonts(): Map<string, fontkit.Font> {
  opened ??= new Map(
    NOTE_FONTS.map(({ name, file }) => [name, fontkit.openSync(file) as fontkit.Font]),
  );
  return opened;
}

export const noteFontCovers: Covers = (name, cp) =>
  noteFonts().get(name)?.hasGlyphForCodePoint(cp) ?? false;

/**
 * Several case notes as one PDF, streamed: the caller pipes the returned document to the response.
 * Each note: date, staff who initiated it, author, text, and a bookmark. pdfkit pushes every page it finishes
 * whatever the reader's pace, so the notes are written one at a time, each once the reader has
 * taken what was buffered: a slow client holds back the writing, not the process's memory. A
 * reader that goes away (closed connection) stops it.
 */
export function caseNotesPdf(notes: readonly PrintableNote[], title: string): Readable {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: 'Case notes' } });
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

  for (const { name, file } of NOTE_FONTS) doc.registerFont(name, file);
  const names = NOTE_FONTS.map((f) => f.name);
  const write = (text: string, size: number) => {
    doc.fontSize(size);
    const runs = textRuns(text, names, noteFontCovers);
    const align = paragraphDirection(text) === 'rtl' ? 'right' : 'left';
    runs.forEach((run, i) =>
      doc.font(run.font).text(run.text, { align, continued: i < runs.length - 1 }),
    );
    if (runs.length === 0) doc.text(' ');
  };
  const writeAll = async () => {
    write(title, 16);
    for (const note of notes) {
      await readerCaughtUp();
      if (stream.destroyed) return;
      doc.moveDown();
      // a bookmark per note, so a long print can be walked note by note
      doc.outline.addItem(`Case note of ${note.noteDate}`);
      write(`${note.noteDate} · Staff: ${note.staffName} · Author: ${note.authorName}`, 10);
      for (const paragraph of note.text.split(/\r?\n/)) write(paragraph, 11);
    }
    doc.end();
  };
  writeAll().catch((err: Error) => stream.destroy(err));
  return stream;
}
