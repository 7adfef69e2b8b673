import type { ConsumerOptions } from '@hearth/bus';
import {
  RentAssistanceOutcomeRecorded,
  RentAssistancePaymentApproved,
  RentAssistancePaymentPaid,
  RentAssistancePaymentRecorded,
  RentAssistancePaymentVoided,
  RentAssistancePreProgramExited,
  isEvent,
} from '@hearth/events';
import { applyOutcome, applyPayment, applyPreProgramExit } from '../store/rent-assistance';

/** Rent-assistance's payments, housing outcomes and pre-program exits, for its report. */
export function rentAssistanceConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [
      RentAssistancePaymentRecorded.type,
      RentAssistancePaymentApproved.type,
      RentAssistancePaymentPaid.type,
      RentAssistancePaymentVoided.type,
      RentAssistanceOutcomeRecorded.type,
      RentAssistancePreProgramExited.type,
    ],
    handle: async (event, tx) => {
      if (
        isEvent(event, RentAssistancePaymentRecorded) ||
        isEvent(event, RentAssistancePaymentApproved) ||
        isEvent(event, RentAssistancePaymentPaid) ||
        isEvent(event, RentAssistancePaymentVoided)
      )
        await applyPayment(tx, event.data);
      else if (isEvent(event, RentAssistanceOutcomeRecorded)) await applyOutcome(tx, event.data);
      else if (isEvent(event, RentAssistancePreProgramExited))
        await applyPreProgramExit(tx, event.data);
    },
  };
}
