/** A real calendar date in a year someone alive could be born in (Postgres refuses year 0). */
const valid = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) &&
    d.toISOString().startsWith(iso) &&
    iso >= '1850-01-01' &&
    iso <= '2200-12-31'
  );
};

/** The same birth date with day and month swapped (03-04 ↔ 04-03), when that is a real date. */
export function swappedDayMonth(iso: string): string | undefined {
  const [y, m, d] = iso.split('-');
  const swapped = `${y}-${d}-${m}`;
  return swapped !== iso && valid(swapped) ? swapped : undefined;
}

/** Every real date that differs from `iso` in exactly one digit: a typing slip. */
export function oneDigitOff(iso: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < iso.length; i++) {
    if (iso[i] === '-') continue;
    for (let digit = 0; digit <= 9; digit++) {
      if (String(digit) === iso[i]) continue;
      const variant = iso.slice(0, i) + digit + iso.slice(i + 1);
      if (valid(variant)) out.push(variant);
    }
  }
  return out;
}

export type BirthDateMatch = 'same' | 'day_month_swapped' | 'one_digit_off' | 'different';

export function compareBirthDates(a: string, b: string): BirthDateMatch {
  if (a === b) return 'same';
  if (swappedDayMonth(a) === b) return 'day_month_swapped';
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
  return differing === 1 ? 'one_digit_off' : 'different';
}

/** Dates worth looking up for a possible duplicate of someone born on `iso`. */
export const birthDateVariants = (iso: string): string[] =>
  [iso, swappedDayMonth(iso), ...oneDigitOff(iso)].filter((d): d is string => d !== undefined);
