import type { EventAuthor } from '@hearth/bus';
import { recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import {
  RentAssistancePaymentApproved,
  RentAssistancePaymentPaid,
  RentAssistancePaymentRecorded,
  RentAssistancePaymentVoided,
  createEvent,
} from '@hearth/events';
import type { Payment } from '../store/payments';
import type { RaRecord } from '../store/records';

const definitions = {
  pending: RentAssistancePaymentRecorded,
  approved: RentAssistancePaymentApproved,
  paid: RentAssistancePaymentPaid,
  voided: RentAssistancePaymentVoided,
} as const;

/** The payment's event for the status it just reached, in the transaction of the change. */
export function announcePayment(tx: Queryable, author: EventAuthor, r: RaRecord, p: Payment) {
  return recordEvent(tx, paymentEvent(author, r, p));
}

export function paymentEvent(author: EventAuthor, r: RaRecord, p: Payment) {
  return createEvent(definitions[p.status], {
    orgId: r.hubOrgId,
    ...author,
    data: {
      enrollmentId: r.enrollmentId,
      participantId: r.participantId,
      hubOrgId: r.hubOrgId,
      paymentId: p.id,
      planId: p.planId,
      fundingSource: p.fundingSource,
      paymentType: p.paymentType,
      paymentDate: p.paymentDate,
      year: p.year,
      month: p.month,
      amountCents: p.amountCents,
      status: p.status,
      adjustment: p.adjustmentReason !== null,
      version: p.version,
    },
  });
}
