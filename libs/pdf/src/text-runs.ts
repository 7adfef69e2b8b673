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
 * for a paragraph's level): an Arabic paragraph is set flush right. Within a line, fontkit lays
 * an Arabic run out right to left; runs in other scripts inside it keep their written order.
 */
export function paragraphDirection(text: string): 'ltr' | 'rtl' {
  const first = /\p{L}/u.exec(text)?.[0];
  return first &&
    /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u.test(first)
    ? 'rtl'
    : 'ltr';
}
