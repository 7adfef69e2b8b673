import type { ConsumerOptions } from '@hearth/bus';
import { directoryConsumer } from '@hearth/directory';
import { peopleConsumer } from '@hearth/people';
import { sharingFactsConsumer } from '@hearth/sharing';
import type { DocumentsDeps } from '../deps';

/**
 * What this service consumes: one consumer per queue (`documents.<purpose>`), each parsing its
 * events with the schemas of libs/events and calling one use case in the transaction that records
 * the event as processed. Events it publishes are written to the outbox in the transaction of the
 * change.
 */
export function consumers(_deps: DocumentsDeps): ConsumerOptions[] {
  // Who may see each participant: intake's versioned sharing state, newest version wins.
  // Identity's organizations: the time zone of the day a document may be dated up to.
  return [
    sharingFactsConsumer('documents.sharing-facts'),
    directoryConsumer('documents.directory'),
    // Intake's links of records as one person (in Postgres): a person's documents listed together.
    peopleConsumer('documents.people'),
  ];
}
