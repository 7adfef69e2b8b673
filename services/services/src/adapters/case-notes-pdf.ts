import type { Readable } from 'node:stream';
import { streamedPdf, type PdfSection } from '@hearth/pdf';
// the caller has already decided the actor may read each note it prints
import type { PrintableNote } from '../domain/case-note-print';

/**
 * Several case notes as one PDF, streamed (libs/pdf: a font per script, back-pressure).
 * Each note: date, staff who initiated it, author, text, and a bookmark; one section each, so a
 * slow reader holds back the next note.
 */
export function caseNotesPdf(notes: readonly PrintableNote[], title: string): Readable {
  const heading: PdfSection = (w) => w.paragraph(title, 16);
  const sections = notes.map<PdfSection>((note) => (w) => {
    w.gap();
    w.bookmark(`Case note of ${note.noteDate}`);
    w.paragraph(`${note.noteDate} · Staff: ${note.staffName} · Author: ${note.authorName}`, 10);
    for (const paragraph of note.text.split(/\r?\n/)) w.paragraph(paragraph, 11);
  });
  return streamedPdf('Case notes', [heading, ...sections]);
}
