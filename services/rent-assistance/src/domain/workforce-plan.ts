import { z } from 'zod';
import { workforcePaymentCategories } from '@hearth/events';
import type { FieldError } from '@hearth/http';
import type { WorkforcePaymentCategory } from './workforce-payment';

/** The optional payment plan of a workforce record: planned cents per payment category. */
export const workforcePlanBody = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        category: z.enum(workforcePaymentCategories),
        plannedCents: z.number().int().min(0).max(100_000_000),
      }),
    )
    .max(workforcePaymentCategories.length)
    .superRefine((lines, ctx) =>
      lines.forEach((l, i) => {
        if (lines.findIndex((o) => o.category === l.category) !== i)
          ctx.addIssue({ code: 'custom', path: [i, 'category'], message: 'Planned twice' });
      }),
    )
    .describe('The whole plan (a category left out is no longer planned; none: no plan)'),
});
export type WorkforcePlanBody = z.infer<typeof workforcePlanBody>;

export interface PlanLineView {
  category: WorkforcePaymentCategory;
  plannedCents: number;
  pendingCents: number;
  /** Approved or paid. */
  paidCents: number;
  /** What the plan still allows: planned less every non-voided payment (a void gives it back). */
  remainingCents: number;
}

type Committed = ReadonlyMap<string, { pendingCents: number; paidCents: number }>;

/** Each planned category with what its payments took and what remains. */
export function planView(
  lines: ReadonlyArray<{ category: WorkforcePaymentCategory; plannedCents: number }>,
  committed: Committed,
): PlanLineView[] {
  return lines.map((l) => {
    const { pendingCents, paidCents } = committed.get(l.category) ?? {
      pendingCents: 0,
      paidCents: 0,
    };
    return {
      ...l,
      pendingCents,
      paidCents,
      remainingCents: Math.max(0, l.plannedCents - pendingCents - paidCents),
    };
  });
}

/** A planned amount never goes below what the category's payments took already. */
export function planProblems(body: WorkforcePlanBody, committed: Committed): FieldError[] {
  return body.lines.flatMap((l, i) => {
    const c = committed.get(l.category);
    const taken = (c?.pendingCents ?? 0) + (c?.paidCents ?? 0);
    return l.plannedCents < taken
      ? [
          {
            field: `lines.${i}.plannedCents`,
            message: `Below the ${taken} cents its payments took already`,
          },
        ]
      : [];
  });
}
