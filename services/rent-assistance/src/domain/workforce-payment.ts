import { z } from 'zod';
import type { Actor } from '@hearth/auth';
import {
  supportServiceTypes,
  trainingPaymentTypes,
  workforcePaidTo,
  workforcePaymentCategories,
} from '@hearth/events';
import { isoDate, unprocessable, uuid, type FieldError } from '@hearth/http';
import { requireHubStaff } from '../use-cases/hub-decision';
import type { WorkforceRecord, WorkforceService } from '../store/workforce-records';
import { planOverruns, type CommittedRow, type PlanLine } from './workforce-plan';

export type WorkforcePaymentCategory = (typeof workforcePaymentCategories)[number];

const common = {
  enrollmentId: uuid().describe('The workforce (Keys to Progress) enrollment'),
  paymentDate: isoDate(),
  paidTo: z.enum(workforcePaidTo),
  payee: z.string().trim().min(1).max(200),
  amountCents: z.number().int().min(1).max(100_000_000),
  fiscalReference: z.string().trim().min(1).max(100).nullable().default(null),
};

/** A training and education payment: for a training service record of the participant. */
export const trainingPaymentBody = z.strictObject({
  ...common,
  trainingServiceId: uuid().describe(
    'A live Training, Post-Secondary Education & Employment Skills service on the record',
  ),
  paymentType: z.enum(trainingPaymentTypes),
  wioaIta: z.boolean().default(false).describe('Paid with a WIOA Individual Training Account'),
});
export type TrainingPaymentBody = z.infer<typeof trainingPaymentBody>;

/** A support service payment: paid only when other resources are unavailable, for a timeframe. */
export const supportPaymentBody = z.strictObject({
  ...common,
  supportType: z.enum(supportServiceTypes),
  otherResourcesUnavailable: z
    .boolean()
    .describe('Must be true: support is paid only when no other resource can pay'),
  timeframeStart: isoDate(),
  timeframeEnd: isoDate().describe('Not before timeframeStart (the same day: a one-time payment)'),
  justification: z.string().trim().min(1).max(500).nullable().default(null),
});
export type SupportPaymentBody = z.infer<typeof supportPaymentBody>;

/** Either kind, as the ledger stores it. */
export type WorkforcePaymentEntry =
  | ({ category: 'training_education' } & TrainingPaymentBody)
  | ({ category: 'support_service' } & SupportPaymentBody);

export interface WorkforcePaymentFacts {
  actor: Actor;
  record: WorkforceRecord;
  /** The hub's today. */
  today: string;
  /** The training service the payment names, as services' events told it (training only). */
  trainingService: WorkforceService | undefined;
  /** The record's plan (empty: none). */
  plan: readonly PlanLine[];
  /** The record's non-voided payments per category and type (its row locked). */
  committed: readonly CommittedRow[];
}

/** The type a payment is planned under: a training's payment type, a support's support type. */
export const paymentTypeOf = (e: WorkforcePaymentEntry) =>
  e.category === 'training_education' ? e.paymentType : e.supportType;

/**
 * The rules of a Keys to Progress payment: throws the Problem a refused one answers (403 not the
 * hub's staff, 422 naming each field) and returns nothing when it may be entered. Pure: the caller
 * locked the record, so the committed amounts stay true until it writes.
 */
export function checkWorkforcePayment(f: WorkforcePaymentFacts, entry: WorkforcePaymentEntry) {
  requireHubStaff(f.actor, f.record);
  const problems: FieldError[] = [];
  if (entry.paymentDate > f.today)
    problems.push({ field: 'paymentDate', message: `After today (${f.today})` });
  if (entry.category === 'training_education') {
    const message = trainingServiceProblem(f.trainingService, f.record);
    if (message) problems.push({ field: 'trainingServiceId', message });
  } else {
    if (!entry.otherResourcesUnavailable)
      problems.push({
        field: 'otherResourcesUnavailable',
        message: 'Support is paid only when other resources are unavailable',
      });
    if (entry.timeframeEnd < entry.timeframeStart)
      problems.push({
        field: 'timeframeEnd',
        message: `Before the timeframe's start (${entry.timeframeStart})`,
      });
  }
  problems.push(
    ...planOverruns(f.plan, f.committed, { ...entry, paymentType: paymentTypeOf(entry) }),
  );
  if (problems.length) throw unprocessable('The payment breaks a rule.', problems);
}

/** Why the named service cannot be a training payment's (null when it can). */
function trainingServiceProblem(s: WorkforceService | undefined, record: WorkforceRecord) {
  // unknown and another record's answer alike: another participant's ids are not confirmed
  if (!s || s.enrollmentId !== record.enrollmentId || s.participantId !== record.participantId)
    return 'No service record of this record and participant has that id';
  if (s.category !== 'training') return 'Not a training service record';
  if (s.deleted) return 'The service record was deleted';
  return null;
}
