import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import {
  conflict,
  idempotently,
  onUniqueViolation,
  unprocessable,
  type FieldError,
} from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { engagementProblems, monthKey } from '../domain/engagement';
import type { RecordPaymentBody } from '../domain/payment';
import { engagedMonthsOf } from '../store/engagement';
import { engagementDatesOf } from '../store/evidence';
import { findPayment, insertPayment, monthPaid, type Payment } from '../store/payments';
import { findPlan } from '../store/plans';
import { findRecord } from '../store/records';
import { requireHubStaff, requireOpenReviewedRecord } from './hub-decision';
import { announcePayment } from './payment-events';

/**
 * Enter a payment, pending (the route has passed the record's gate for writing). The plan's row is
 * locked first, so payments against one plan are added one at a time and never sum over its cap;
 * every refusal of the rules is a 4xx naming the field, and nothing is written. A retry with the
 * same Idempotency-Key answers the payment entered the first time.
 */
export function recordPayment(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  body: RecordPaymentBody,
  idempotencyKey: string,
): Promise<Payment> {
  const request = { method: 'POST', path: '/payments', body };
  return withTransaction(deps.pool, async (tx) => {
    const answer = await idempotently(
      tx,
      { actorId: actor.userId, key: idempotencyKey, request },
      deps.clock(),
      async () => ({ status: 201, body: await enterPayment(tx, deps, actor, body) }),
    );
    return answer.body;
  });
}

/** The payment's rules and its row and event, in the caller's transaction (one or a batch's row). */
export async function enterPayment(
  tx: Queryable,
  deps: Pick<RentAssistanceDeps, 'clock'>,
  actor: Actor,
  body: RecordPaymentBody,
): Promise<Payment> {
  const plan = await findPlan(tx, body.planId, true);
  const record = (await findRecord(tx, body.enrollmentId, true))!; // the gate found it
  requireHubStaff(actor, record);
  if (!plan || plan.enrollmentId !== record.enrollmentId)
    throw unprocessable('The plan is not one of this record.', [
      { field: 'planId', message: 'Not a payment and services plan of the record' },
    ]);
  requireOpenReviewedRecord(record);
  const today = await organizationToday(tx, actor.orgId, deps.clock);
  const problems: FieldError[] = [];
  if (body.paymentDate > today)
    problems.push({ field: 'paymentDate', message: `After today (${today})` });
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
  problems.push(
    ...engagementProblems({
      ...body,
      firstCoachingDate: (await engagementDatesOf(tx, record.enrollmentId)).firstCoachingDate,
      engagedMonths: await engagedMonthsOf(tx, record.enrollmentId),
    }),
  );
  if (problems.length) throw unprocessable('The payment breaks a rule.', problems);
  const paidAlready = conflict('This month is paid already for this payment type.', [
    {
      field: 'adjustmentReason',
      message: `${body.paymentType} of ${monthKey(body.year, body.month)} is paid: a second payment is an adjustment with its reason`,
    },
  ]);
  if (!body.adjustmentReason && (await monthPaid(tx, body))) throw paidAlready;
  const id = randomUUID();
  await insertPayment(tx, id, body, actor.userId, deps.clock()).catch(
    onUniqueViolation(paidAlready),
  );
  const payment = (await findPayment(tx, id))!;
  await announcePayment(tx, authorOf(actor), record, payment);
  return payment;
}
