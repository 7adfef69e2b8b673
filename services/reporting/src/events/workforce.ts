import type { ConsumerOptions } from '@hearth/bus';
import {
  CredentialRecorded,
  EmploymentChanged,
  EmploymentConfirmationRecorded,
  EmploymentRecorded,
  isEvent,
} from '@hearth/events';
import { applyConfirmation, applyCredential, applyEmployment } from '../store/workforce';

/** Enrollment's workforce outcomes (jobs, confirmations, credentials) for the contract report. */
export function workforceConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [
      EmploymentRecorded.type,
      EmploymentChanged.type,
      EmploymentConfirmationRecorded.type,
      CredentialRecorded.type,
    ],
    handle: async (event, tx) => {
      if (isEvent(event, EmploymentRecorded) || isEvent(event, EmploymentChanged))
        await applyEmployment(tx, event.data);
      else if (isEvent(event, EmploymentConfirmationRecorded))
        await applyConfirmation(tx, event.data);
      else if (isEvent(event, CredentialRecorded)) await applyCredential(tx, event.data);
    },
  };
}
