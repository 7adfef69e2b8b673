import path from 'node:path';
import * as fontkit from 'fontkit';
import type { Covers } from './text-runs';

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

export interface PdfFont {
  /** the name the font is registered under in the document */
  name: string;
  file: string;
}

// The packages export only CSS, so the font files are found beside their index.css.
export const PDF_FONTS: readonly PdfFont[] = FONT_FILES.map(([pkg, file]) => ({
  name: file.replace(/-400-normal\.woff$/, ''),
  file: path.join(path.dirname(require.resolve(pkg)), 'files', file),
}));

let opened: Map<string, fontkit.Font> | undefined;
/** The fonts as fontkit reads them (the engine pdfkit embeds with), opened once. */
export function pdfFonts(): Map<string, fontkit.Font> {
  opened ??= new Map(
    PDF_FONTS.map(({ name, file }) => [name, fontkit.openSync(file) as fontkit.Font]),
  );
  return opened;
}

export const fontCovers: Covers = (name, cp) =>
  pdfFonts().get(name)?.hasGlyphForCodePoint(cp) ?? false;
