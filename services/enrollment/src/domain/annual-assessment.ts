import { addDays, addMonths, wholeMonthsBetween } from '@hearth/time';

/** HUD: the annual assessment falls within 30 days before or after each anniversary of entry. */
export const ANNUAL_WINDOW_DAYS = 30;

export interface AnniversaryWindow {
  anniversary: string;
  from: string;
  to: string;
}

/**
 * The window of the anniversary of the head's entry that `on` falls in, if any. A Feb 29 entry
 * has its anniversary on Feb 28 in other years (addMonths keeps to the month's last day).
 */
export function anniversaryWindow(entryDate: string, on: string): AnniversaryWindow | null {
  const years = Math.floor(wholeMonthsBetween(entryDate, on) / 12);
  for (const n of [years, years + 1]) {
    if (n < 1) continue;
    const anniversary = addMonths(entryDate, 12 * n);
    const from = addDays(anniversary, -ANNUAL_WINDOW_DAYS);
    const to = addDays(anniversary, ANNUAL_WINDOW_DAYS);
    if (on >= from && on <= to) return { anniversary, from, to };
  }
  return null;
}
