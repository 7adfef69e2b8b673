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

/**
 * The same day of the month `months` later; a day the target month lacks becomes its last day
 * (2026-08-31 + 6 months is 2027-02-28), never a spill into the next month.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0));
  target.setUTCDate(Math.min(d, lastDay.getUTCDate()));
  return dateOf(target);
}

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

/**
 * An IANA time zone name this runtime knows (America/Chicago, UTC). Offsets such as "+05:00" and
 * abbreviations such as "CST" are refused: they ignore daylight saving, so "today" would drift.
 */
export function isTimeZone(name: string): boolean {
  if (!/^(UTC|[A-Z][A-Za-z_-]+(\/[A-Za-z0-9_+-]+){1,2})$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date of an instant on the wall clocks of a time zone (an IANA name). */
export function dateIn(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** "Today" where the organization works: the rule "never in the future" is about its calendar. */
export const todayIn = (clock: Clock, timeZone: string): string => dateIn(clock(), timeZone);

/**
 * The earliest calendar date anywhere on Earth at this instant (UTC−12): a date not after it is
 * in the past or today in every time zone, for when the zone that decides is not known.
 */
export const earliestToday = (clock: Clock): string => dateIn(clock(), 'Etc/GMT+12');
