export { PDF_FONTS, fontCovers, pdfFonts, type PdfFont } from './fonts';
export { paragraphDirection, textRuns, type Covers, type TextRun } from './text-runs';
export { streamedPdf, type PdfSection, type PdfWriter } from './streamed-pdf';
