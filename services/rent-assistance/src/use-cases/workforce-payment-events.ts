import { recordEvent, type EventAuthor } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import {
  WorkforcePaymentApproved,
  WorkforcePaymentPaid,
  WorkforcePaymentRecorded,
  WorkforcePaymentVoided,
  createEvent,
} from '@hearth/events';
import type { WorkforcePayment } from '../store/workforce-payments';
import type { WorkforceRecord } from '../store/workforce-records';

const definitions = {
  pending: WorkforcePaymentRecorded,
  approved: WorkforcePaymentApproved,
  paid: WorkforcePaymentPaid,
  voided: WorkforcePaymentVoided,
} as const;

/** The Keys to Progress payment's event for the status it just reached (never the payee). */
export function announceWorkforcePayment(
  tx: Queryable,
  author: EventAuthor,
  r: WorkforceRecord,
  p: WorkforcePayment,
) {
  return recordEvent(
    tx,
    createEvent(definitions[p.status], {
      orgId: r.hubOrgId,
      ...author,
      data: {
        enrollmentId: r.enrollmentId,
        participantId: r.participantId,
        hubOrgId: r.hubOrgId,
        paymentId: p.id,
        category: p.category,
        paymentType: p.paymentType,
        trainingServiceId: p.trainingServiceId,
        paymentDate: p.paymentDate,
        amountCents: p.amountCents,
        status: p.status,
        version: p.version,
      },
    }),
  );
}
