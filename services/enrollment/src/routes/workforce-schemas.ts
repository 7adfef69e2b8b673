import { z } from 'zod';
import {
  confirmationKinds,
  confirmationPeriods,
  confirmationStatuses,
  credentialStatuses,
  credentialTypes,
  employmentBenefits,
  employmentTypes,
} from '@hearth/events';
import { isoDate, uuid } from '@hearth/http';

const text = (max: number) => z.string().trim().min(1).max(max);
const naicsCode = z
  .string()
  .regex(/^\d{2,6}$/, 'A NAICS code: 2 to 6 digits')
  .describe('NAICS industry code, e.g. 561110');
const onetCode = z
  .string()
  .regex(/^\d{2}-\d{4}(\.\d{2})?$/, 'An O*NET-SOC code such as 43-6014.00')
  .describe('O*NET-SOC occupation code of the position');

export const jobParams = z.strictObject({ id: uuid(), employmentId: uuid() });

export const newEmployment = z.strictObject({
  participantId: uuid().describe('The member of the enrollment who holds the job'),
  startDate: isoDate(),
  endDate: isoDate().nullable().default(null).describe('Not before the start date'),
  employmentType: z.enum(employmentTypes),
  employer: text(200),
  naicsCode,
  naicsTitle: text(200),
});

export const employmentChanges = z.strictObject({
  version: z.number().int().positive().describe('The version you read; a stale one is refused'),
  startDate: isoDate().optional(),
  endDate: isoDate().nullable().optional(),
  employmentType: z.enum(employmentTypes).optional(),
  employer: text(200).optional(),
  naicsCode: naicsCode.optional(),
  naicsTitle: text(200).optional(),
});

const twoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
export const newPayEntry = z.strictObject({
  effectiveDate: isoDate().describe('From when this pay applies; a raise is a new entry'),
  onetCode,
  onetTitle: text(200),
  hourlyPayCents: z.number().int().min(0).max(100_000_00),
  hoursPerWeek: z
    .number()
    .min(0.01) // what numeric(5, 2) keeps: a smaller figure would be stored as no hours
    .max(168)
    .refine(twoDecimals, 'At most two decimals')
    .describe('Hours a week, e.g. 20 or 37.5'),
  benefits: z
    .array(z.enum(employmentBenefits))
    .max(employmentBenefits.length)
    .refine((b) => new Set(b).size === b.length, 'Each benefit once')
    .default([])
    .describe('Empty: no benefits'),
});

export const newConfirmation = z.strictObject({
  confirmationDate: isoDate(),
  kind: z.enum(confirmationKinds),
  period: z
    .enum(confirmationPeriods)
    .describe('q1..q4: the calendar quarter after the exit quarter, dated inside it'),
  status: z.enum(confirmationStatuses),
  periodStart: isoDate(),
  periodEnd: isoDate(),
  relatedServiceId: uuid()
    .nullable()
    .default(null)
    .describe("A training service of this participant's, from the services service"),
});

export const newCredential = z.strictObject({
  participantId: uuid(),
  credentialDate: isoDate(),
  credentialType: z.enum(credentialTypes),
  name: text(200),
  status: z.enum(credentialStatuses),
  documentation: z.enum(['license', 'certificate', 'diploma', 'transcript', 'letter', 'other']),
  relatedServiceId: uuid().nullable().default(null),
});

const payEntryView = z.strictObject({
  id: z.string(),
  effectiveDate: z.string(),
  onetCode: z.string(),
  onetTitle: z.string(),
  hourlyPayCents: z.number().int(),
  hoursPerWeek: z.number(),
  benefits: z.array(z.string()),
  recordedAt: z.string(),
});
const confirmationView = z.strictObject({
  id: z.string(),
  employmentId: z.string(),
  confirmationDate: z.string(),
  kind: z.string(),
  period: z.string(),
  status: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  relatedServiceId: z.string().nullable(),
  staff: z.strictObject({ userId: z.string(), name: z.string() }),
  recordedAt: z.string(),
});
export { confirmationView, payEntryView };

export const employmentView = z.strictObject({
  id: z.string(),
  enrollmentId: z.string(),
  participantId: z.string(),
  orgId: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  employmentType: z.string(),
  employer: z.string(),
  naicsCode: z.string(),
  naicsTitle: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  payEntries: z.array(payEntryView).describe('Oldest effective date first'),
  confirmations: z.array(confirmationView),
  countsTowardPerformance: z.boolean().describe('Only a confirmed job counts'),
});

export const credentialView = z.strictObject({
  id: z.string(),
  enrollmentId: z.string(),
  participantId: z.string(),
  orgId: z.string(),
  credentialDate: z.string(),
  credentialType: z.string(),
  name: z.string(),
  status: z.string(),
  documentation: z.string(),
  relatedServiceId: z.string().nullable(),
  recordedBy: z.strictObject({ userId: z.string(), name: z.string() }),
  recordedAt: z.string(),
});
