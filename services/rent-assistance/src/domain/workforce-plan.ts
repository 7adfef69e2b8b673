import { z } from 'zod';
import {
  supportServiceTypes,
  trainingPaymentTypes,
  workforcePaymentCategories,
} from '@hearth/events';
import type { FieldError } from '@hearth/http';
import type { WorkforcePaymentCategory } from './workforce-payment';

const typesOf: Record<WorkforcePaymentCategory, readonly string[]> = {
  training_education: trainingPaymentTypes,
  support_service: supportServiceTypes,
};

/**
 * The optional payment plan of a workforce record: planned cents per payment category, or per one
 * payment type of it (a payment must fit every line it falls under).
 */
export const workforcePlanBody = z.strictObject({
  version: z
    .number()
    .int()
    .min(0)
    .describe("The plan's version you read (0: none set yet); another is a 409 with the current"),
  lines: z
    .array(
      z.strictObject({
        category: z.enum(workforcePaymentCategories),
        paymentType: z
          .string()
          .max(60)
          .nullable()
          .default(null)
          .describe("One of the category's types (a training type, a support type); null: all"),
        plannedCents: z.number().int().min(0).max(100_000_000),
      }),
    )
    .max(20)
    .superRefine((lines, ctx) =>
      lines.forEach((l, i) => {
        if (l.paymentType !== null && !typesOf[l.category].includes(l.paymentType))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'paymentType'],
            message: `Not a type of ${l.category} (${typesOf[l.category].join(', ')})`,
          });
        else if (
          lines.findIndex((o) => o.category === l.category && o.paymentType === l.paymentType) !== i
        )
          ctx.addIssue({ code: 'custom', path: [i, 'paymentType'], message: 'Planned twice' });
      }),
    )
    .describe('The whole plan (a line left out is no longer planned; none: no plan)'),
});
export type WorkforcePlanBody = z.infer<typeof workforcePlanBody>;

export interface PlanLine {
  category: WorkforcePaymentCategory;
  paymentType: string | null;
  plannedCents: number;
}
/** The record's non-voided payments of one category and type, in cents. */
export interface CommittedRow {
  category: string;
  paymentType: string;
  pendingCents: number;
  /** Approved or paid. */
  paidCents: number;
}
export interface PlanLineView extends PlanLine {
  pendingCents: number;
  paidCents: number;
  /** What the line still allows: planned less every non-voided payment (a void gives it back). */
  remainingCents: number;
}

const inScope = (
  line: Omit<PlanLine, 'plannedCents'>,
  p: { category: string; paymentType: string },
) =>
  line.category === p.category && (line.paymentType === null || line.paymentType === p.paymentType);

/** What the payments under a line took. */
function takenBy(line: Omit<PlanLine, 'plannedCents'>, rows: readonly CommittedRow[]) {
  const under = rows.filter((r) => inScope(line, r));
  const pendingCents = under.reduce((t, r) => t + r.pendingCents, 0);
  const paidCents = under.reduce((t, r) => t + r.paidCents, 0);
  return { pendingCents, paidCents, takenCents: pendingCents + paidCents };
}

/** Each line with what its payments took and what remains. */
export function planView(
  lines: readonly PlanLine[],
  rows: readonly CommittedRow[],
): PlanLineView[] {
  return lines.map((l) => {
    const { pendingCents, paidCents, takenCents } = takenBy(l, rows);
    return {
      ...l,
      pendingCents,
      paidCents,
      remainingCents: Math.max(0, l.plannedCents - takenCents),
    };
  });
}

/** A planned amount never goes below what its payments took already. */
export function planProblems(
  body: Pick<WorkforcePlanBody, 'lines'>,
  rows: readonly CommittedRow[],
): FieldError[] {
  return body.lines.flatMap((l, i) => {
    const { takenCents } = takenBy(l, rows);
    return l.plannedCents < takenCents
      ? [
          {
            field: `lines.${i}.plannedCents`,
            message: `Below the ${takenCents} cents its payments took already`,
          },
        ]
      : [];
  });
}

/** A payment past what remains of any line it falls under (none: the plan does not limit it). */
export function planOverruns(
  lines: readonly PlanLine[],
  rows: readonly CommittedRow[],
  payment: { category: string; paymentType: string; amountCents: number },
): FieldError[] {
  return lines
    .filter((l) => inScope(l, payment))
    .flatMap((l) => {
      const { takenCents } = takenBy(l, rows);
      if (takenCents + payment.amountCents <= l.plannedCents) return [];
      const remaining = Math.max(0, l.plannedCents - takenCents);
      return [
        {
          field: 'amountCents',
          message: `Over the payment plan's ${l.paymentType ?? l.category} amount: ${remaining} cents remain of ${l.plannedCents}`,
        },
      ];
    });
}
