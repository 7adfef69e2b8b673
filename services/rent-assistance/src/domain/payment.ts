import { z } from 'zod';
import { raHousingTypes, raPaidTo, raPaymentTypes } from '@hearth/events';
import { isoDate, uuid } from '@hearth/http';

export const recordPaymentBody = z.strictObject({
  enrollmentId: uuid(),
  planId: uuid().describe('The payment and services plan of the funding source paying'),
  paymentDate: isoDate(),
  paymentType: z.enum(raPaymentTypes),
  paidTo: z.enum(raPaidTo),
  payee: z.string().trim().min(1).max(200),
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
  amountCents: z.number().int().min(1).max(100_000_000),
  housingType: z.enum(raHousingTypes),
  raEligible: z.boolean(),
  adjustmentReason: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .nullable()
    .default(null)
    .describe('A second payment of a month and type is an adjustment, with its reason'),
});
export type RecordPaymentBody = z.infer<typeof recordPaymentBody>;

export const versionBody = z.strictObject({ version: z.number().int().positive() });
export const voidPaymentBody = versionBody.extend({ reason: z.string().trim().min(1).max(500) });

/** Where a payment may go from each status: pending → approved → paid, any of them → voided. */
const NEXT: Record<string, readonly string[]> = {
  pending: ['approved', 'voided'],
  approved: ['paid', 'voided'],
  paid: ['voided'],
  voided: [],
};
export const canMove = (from: string, to: string) => NEXT[from]?.includes(to) ?? false;
