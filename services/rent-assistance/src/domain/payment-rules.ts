import type { Actor } from '@hearth/auth';
import { conflict, unprocessable, type FieldError } from '@hearth/http';
import type { PaymentPlan } from '../store/plans';
import type { RaRecord } from '../store/records';
import { requireHubStaff, requireOpenReviewedRecord } from '../use-cases/hub-decision';
import { engagementProblems, monthKey } from './engagement';
import type { RecordPaymentBody } from './payment';

/** What the rules of one payment look at, loaded once for a payment or once for a whole batch. */
export interface PaymentFacts {
  actor: Actor;
  record: RaRecord;
  plan: PaymentPlan | undefined;
  /** The record's non-voided payments, all plans together, in cents (its row locked). */
  recordCommittedCents: number;
  /** The hub's today. */
  today: string;
  firstCoachingDate: string | null;
  /** The Hub Final Rent Exit service's date: the last day of the last month assistance pays. */
  finalRentExitDate: string | null;
  engagedMonths: ReadonlySet<string>;
  /** Whether the month is paid already for the payment's type (non-voided, not an adjustment). */
  monthPaid: boolean;
}

/**
 * The one rule set of a payment, a single one or a batch's row: throws the Problem a refused
 * payment answers (403 not the hub's staff, 422 naming each field, 409 the month already paid)
 * and returns nothing when the payment may be entered. Pure: the caller has locked the plan and
 * the record, so what it read stays true until it writes.
 */
export function checkPayment(f: PaymentFacts, body: RecordPaymentBody): void {
  const { plan, record } = f;
  requireHubStaff(f.actor, record);
  if (!plan || plan.enrollmentId !== record.enrollmentId)
    throw unprocessable('The plan is not one of this record.', [
      { field: 'planId', message: 'Not a payment and services plan of the record' },
    ]);
  requireOpenReviewedRecord(record);
  const problems: FieldError[] = [];
  if (body.paymentDate > f.today)
    problems.push({ field: 'paymentDate', message: `After today (${f.today})` });
  if (plan.endDate && body.paymentDate > plan.endDate)
    problems.push({ field: 'paymentDate', message: `The plan ended on ${plan.endDate}` });
  if (!plan.approvedPaymentTypes.includes(body.paymentType))
    problems.push({
      field: 'paymentType',
      message: `Not approved in the ${plan.fundingSource} plan (${plan.approvedPaymentTypes.join(', ')})`,
    });
  if (plan.committedCents + body.amountCents > plan.capCents)
    problems.push({
      field: 'amountCents',
      message: `Over the plan's cap: ${plan.capCents - plan.committedCents} cents remain of ${plan.capCents}`,
    });
  const requested = record.totalAmountRequestedCents;
  if (requested !== null && f.recordCommittedCents + body.amountCents > requested)
    problems.push({
      field: 'amountCents',
      message: `Over the record's total amount requested: ${Math.max(0, requested - f.recordCommittedCents)} cents remain of ${requested}`,
    });
  problems.push(...engagementProblems({ ...body, ...f }));
  const lastMonth = f.finalRentExitDate?.slice(0, 7);
  if (lastMonth && monthKey(body.year, body.month) > lastMonth)
    problems.push({
      field: 'month',
      message: `After the Hub Final Rent Exit of ${f.finalRentExitDate}: assistance ends with ${lastMonth}`,
    });
  if (problems.length) throw unprocessable('The payment breaks a rule.', problems);
  if (!body.adjustmentReason && f.monthPaid) throw monthPaidAlready(body);
}

/** The 409 of a second payment of a month and type without an adjustment's reason. */
export const monthPaidAlready = (body: Pick<RecordPaymentBody, 'paymentType' | 'year' | 'month'>) =>
  conflict('This month is paid already for this payment type.', [
    {
      field: 'adjustmentReason',
      message: `${body.paymentType} of ${monthKey(body.year, body.month)} is paid: a second payment is an adjustment with its reason`,
    },
  ]);

/** Which month of which type of which record a payment pays ('paid once' is per this key). */
export const paidMonthKey = (
  p: Pick<RecordPaymentBody, 'enrollmentId' | 'paymentType' | 'year' | 'month'>,
) => `${p.enrollmentId}/${p.paymentType}/${monthKey(p.year, p.month)}`;
