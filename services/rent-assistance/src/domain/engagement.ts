import { z } from 'zod';
import { engagementActivities } from '@hearth/events';
import type { FieldError } from '@hearth/http';

export const verifyEngagementBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
  activities: z
    .array(z.enum(engagementActivities))
    .min(1)
    .max(engagementActivities.length)
    .refine((a) => new Set(a).size === a.length, 'Each activity once'),
});
export type VerifyEngagementBody = z.infer<typeof verifyEngagementBody>;

const NOT_ENGAGED: ReadonlySet<string> = new Set(['not_engaged', 'gap_in_service']);

/** A month counts as engaged when the check names an activity and neither "not engaged" nor a gap. */
export const isEngaged = (activities: readonly string[]) =>
  activities.length > 0 && !activities.some((a) => NOT_ENGAGED.has(a));

const pad = (n: number) => String(n).padStart(2, '0');
export const monthKey = (year: number, month: number) => `${year}-${pad(month)}`;

/** The month before (January's is December of the year before). */
export const previousMonth = (year: number, month: number) =>
  month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };

/** A month's check is due by the 10th of the next month. */
export function checkDueDate(year: number, month: number): string {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return `${monthKey(next.year, next.month)}-10`;
}

/**
 * The engagement rules of a payment (I-Trac RA guide): nothing is paid before the first coaching
 * service copied into the record, and rent for month M only when engagement was verified for M-1
 * ("engagement is verified for the previous month, and rent is paid in the current month for the
 * next month").
 */
export function engagementProblems(p: {
  paymentType: string;
  paymentDate: string;
  year: number;
  month: number;
  firstCoachingDate: string | null;
  engagedMonths: ReadonlySet<string>;
}): FieldError[] {
  const problems: FieldError[] = [];
  if (!p.firstCoachingDate || p.paymentDate < p.firstCoachingDate)
    problems.push({
      field: 'paymentDate',
      message: p.firstCoachingDate
        ? `Before the first coaching service copied into the record (${p.firstCoachingDate})`
        : 'No coaching service has been copied into the record yet',
    });
  if (p.paymentType === 'rent') {
    const before = previousMonth(p.year, p.month);
    if (!p.engagedMonths.has(monthKey(before.year, before.month)))
      problems.push({
        field: 'month',
        message: `Rent for ${monthKey(p.year, p.month)} needs engagement verified for ${monthKey(before.year, before.month)}`,
      });
  }
  return problems;
}
