import type { ConsumerOptions } from '@hearth/bus';
import { directoryConsumer } from '@hearth/directory';
import { familyFactsConsumer } from '@hearth/families';
import { peopleConsumer } from '@hearth/people';
import { sharingFactsConsumer } from '@hearth/sharing';
import type { FsspDeps } from '../deps';
import { participantNamesConsumer } from './participant-names';
import { caseNotesConsumer, enrollmentsConsumer } from './read-models';

/**
 * What this service consumes: one consumer per queue (`fssp.<purpose>`), each parsing its events
 * with the schemas of libs/events in the transaction that records the event as processed.
 */
export function consumers(_deps: FsspDeps): ConsumerOptions[] {
  return [
    // Who may see each participant: intake's versioned sharing state, newest version wins.
    sharingFactsConsumer('fssp.sharing-facts'),
    // Organizations' time zones: an assessment date is never after the organization's today.
    directoryConsumer('fssp.directory'),
    // Who lives together: a plan covers the head's current family.
    familyFactsConsumer('fssp.families'),
    enrollmentsConsumer,
    caseNotesConsumer,
    // The head's and members' names on the print (shown only to a reader who may see them).
    participantNamesConsumer,
    // Records linked as one person: "one open FSSP" counts the person once.
    peopleConsumer('fssp.people'),
  ];
}
