import type { ConsumerOptions } from '@hearth/bus';
import { sharingFactsConsumer } from '@hearth/sharing';
import type { ReportingDeps } from '../deps';

/**
 * What this service consumes: one consumer per queue (`reporting.<purpose>`), each parsing its
 * events with the schemas of libs/events and calling one use case in the transaction that records
 * the event as processed. Events it publishes are written to the outbox in the transaction of the
 * change.
 */
export function consumers(_deps: ReportingDeps): ConsumerOptions[] {
  // Who may see each participant: intake's versioned sharing state, newest version wins.
  return [sharingFactsConsumer('reporting.sharing-facts')];
}
