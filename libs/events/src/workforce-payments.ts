import { z } from 'zod';
import { defineEvent, eventDate } from './envelope';
import { raPaymentStatuses } from './rent-assistance';

/**
 * Keys to Progress payments (rent-assistance service, the same ledger as rent): training and
 * education payments and support service payments on a workforce enrollment, and the record's
 * optional payment plan. Ids, types, dates and cents only: never the payee.
 */
const id = z.string().uuid();

export const workforcePaymentCategories = ['training_education', 'support_service'] as const;
/** The guide's training payment types ("Tuition/Fees/Books/Supplies"). */
export const trainingPaymentTypes = ['tuition_fees_books_supplies', 'other'] as const;
/** Support services of the Regional Program Standards a coach pays for. */
export const supportServiceTypes = [
  'transportation',
  'child_care',
  'work_clothing',
  'tools',
  'other',
] as const;
/** Who a Keys to Progress payment goes to ("customer" in the guide is the participant). */
export const workforcePaidTo = ['participant', 'training_provider', 'vendor', 'other'] as const;

const recordFacts = z.strictObject({
  enrollmentId: id,
  participantId: id,
  hubOrgId: id,
});

/** A Keys to Progress payment as it now stands. */
const workforcePaymentFacts = recordFacts.extend({
  paymentId: id,
  category: z.enum(workforcePaymentCategories),
  /** A training payment's type, or a support payment's support type. */
  paymentType: z.string().min(1).max(60),
  /** The training service record a training payment pays for (null for support). */
  trainingServiceId: id.nullable(),
  paymentDate: eventDate,
  amountCents: z.number().int().positive(),
  status: z.enum(raPaymentStatuses),
  version: z.number().int().positive(),
});
export const WorkforcePaymentRecorded = defineEvent(
  'rent-assistance.workforce-payment.recorded',
  1,
  workforcePaymentFacts,
);
export const WorkforcePaymentApproved = defineEvent(
  'rent-assistance.workforce-payment.approved',
  1,
  workforcePaymentFacts,
);
export const WorkforcePaymentPaid = defineEvent(
  'rent-assistance.workforce-payment.paid',
  1,
  workforcePaymentFacts,
);
export const WorkforcePaymentVoided = defineEvent(
  'rent-assistance.workforce-payment.voided',
  1,
  workforcePaymentFacts,
);

/** A workforce record's payment plan as it now stands: planned cents per category or type. */
export const WorkforcePaymentPlanChanged = defineEvent(
  'rent-assistance.workforce-plan.changed',
  1,
  recordFacts.extend({
    lines: z.array(
      z.strictObject({
        category: z.enum(workforcePaymentCategories),
        /** One type of the category; null: the whole category. */
        paymentType: z.string().min(1).max(60).nullable(),
        plannedCents: z.number().int().nonnegative(),
      }),
    ),
  }),
);

export const workforcePaymentEvents = [
  WorkforcePaymentRecorded,
  WorkforcePaymentApproved,
  WorkforcePaymentPaid,
  WorkforcePaymentVoided,
  WorkforcePaymentPlanChanged,
] as const;
