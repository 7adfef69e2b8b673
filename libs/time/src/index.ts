/**
 * Calendar dates travel as YYYY-MM-DD strings and are read as UTC days, so a date is the same day
 * on every server and compares correctly as a string.
 */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const DAY_MS = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The UTC calendar date of an instant. */
export const dateOf = (instant: Date): string => instant.toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string =>
  dateOf(new Date(utc(date) + days * DAY_MS));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((utc(to) - utc(from)) / DAY_MS);

/** Whole calendar months from `from` to `to`: a month counts once its day of month is reached. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** Age in whole years on a date (a birthday counts on the day itself). */
export const ageOn = (birthDate: string, on: string): number =>
  Math.floor(wholeMonthsBetween(birthDate, on) / 12);
