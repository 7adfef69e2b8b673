import { z } from 'zod';
import { housingStatusesAtExit, raPaymentTypes } from '@hearth/events';
import { isoDate } from '@hearth/http';
import { cents } from './budget';

export const fundingSource = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,59}$/,
    'A funding source code: lower-case letters, digits, - and _',
  );
const approvedPaymentTypes = z
  .array(z.enum(raPaymentTypes))
  .min(1)
  .max(raPaymentTypes.length)
  .refine((a) => new Set(a).size === a.length, 'Each payment type once');

export const createPlanBody = z.strictObject({
  fundingSource,
  approvedPaymentTypes,
  capCents: cents,
  targetEndDate: isoDate(),
});
export type CreatePlanBody = z.infer<typeof createPlanBody>;

export const changePlanBody = z.strictObject({
  version: z.number().int().positive(),
  approvedPaymentTypes: approvedPaymentTypes.optional(),
  capCents: cents.optional(),
  targetEndDate: isoDate().optional(),
  endDate: isoDate().nullable().optional(),
  housingStatusAtFundingEnd: z.enum(housingStatusesAtExit).nullable().optional(),
});
export type ChangePlanBody = z.infer<typeof changePlanBody>;
