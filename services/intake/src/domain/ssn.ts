/**
 * A US Social Security number as a case worker types it: 9 digits, dashes or spaces optional.
 * Numbers the SSA never issues (area 000, 666 or 900–999, group 00, serial 0000) are refused.
 */
export function parseSsn(input: string): { digits: string } | { problem: string } {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{9}$/.test(digits)) return { problem: 'An SSN has 9 digits, e.g. 123-45-6789.' };
  const [area, group, serial] = [digits.slice(0, 3), digits.slice(3, 5), digits.slice(5)];
  if (area === '000' || area === '666' || area >= '900' || group === '00' || serial === '0000') {
    return { problem: 'That is not an SSN the Social Security Administration issues.' };
  }
  return { digits };
}

/** What the API ever says about an SSN: its last 4, that it was refused, or nothing. */
export type SsnAnswer = string | 'refused' | null;

export const ssnAnswer = (last4: string | null, refused: boolean): SsnAnswer =>
  refused ? 'refused' : last4;
