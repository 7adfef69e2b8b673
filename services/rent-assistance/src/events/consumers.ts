import type { ConsumerOptions } from '@hearth/bus';
import { directoryConsumer } from '@hearth/directory';
import { peopleConsumer } from '@hearth/people';
import { sharingFactsConsumer } from '@hearth/sharing';
import type { RentAssistanceDeps } from '../deps';
import {
  caseNotesConsumer,
  documentsConsumer,
  recordsConsumer,
  servicesConsumer,
} from './read-models';

/**
 * What this service consumes: one consumer per queue (`rent-assistance.<purpose>`), each parsing its
 * events with the schemas of libs/events in the transaction that records the event as processed.
 */
export function consumers(_deps: RentAssistanceDeps): ConsumerOptions[] {
  return [
    // Who may see each participant: intake's versioned sharing state, newest version wins.
    sharingFactsConsumer('rent-assistance.sharing-facts'),
    // Organizations' time zones: "within 3 months" and "45 days" count on the hub's calendar.
    directoryConsumer('rent-assistance.directory'),
    recordsConsumer,
    documentsConsumer,
    servicesConsumer,
    caseNotesConsumer,
    // Intake's links of records as one person: a person's RA records listed together.
    peopleConsumer('rent-assistance.people'),
  ];
}
