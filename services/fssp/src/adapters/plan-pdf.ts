import type { Readable } from 'node:stream';
import { streamedPdf, type PdfSection } from '@hearth/pdf';
// the caller has already decided the actor may read the plan it prints
import type { PlanPrint } from '../domain/plan-print';

/** The print as a PDF streamed at the reader's pace (libs/pdf): a bookmark per part. */
export function planPdf(print: PlanPrint): Readable {
  const heading: PdfSection = (w) => w.paragraph(print.title, 16);
  const sections = print.sections.map<PdfSection>((s) => (w) => {
    w.gap();
    w.bookmark(s.bookmark);
    w.paragraph(s.heading, 13);
    for (const line of s.lines) for (const p of line.split(/\r?\n/)) w.paragraph(p, 11);
  });
  return streamedPdf('Family Self-Sufficiency Plan', [heading, ...sections]);
}
