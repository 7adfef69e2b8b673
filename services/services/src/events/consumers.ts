import type { ConsumerOptions } from '@hearth/bus';
import { sharingFactsConsumer } from '@hearth/sharing';
import type { ServicesDeps } from '../deps';
import { enrollmentsConsumer } from './enrollments';
import { householdsConsumer } from './households';

/**
 * What this service consumes: one consumer per queue (`services.<purpose>`), each parsing its
 * events with the schemas of libs/events and calling one use case in the transaction that records
 * the event as processed. Events it publishes are written to the outbox in the transaction of the
 * change.
 */
export function consumers(_deps: ServicesDeps): ConsumerOptions[] {
  // Who may see each participant: intake's versioned sharing state, newest version wins.
  return [sharingFactsConsumer('services.sharing-facts'), enrollmentsConsumer, householdsConsumer];
}
