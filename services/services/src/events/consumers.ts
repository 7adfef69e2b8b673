import type { ConsumerOptions } from '@hearth/bus';
import { directoryConsumer } from '@hearth/directory';
import { familyFactsConsumer } from '@hearth/families';
import { peopleConsumer } from '@hearth/people';
import { planGoalsConsumer } from '@hearth/plan-goals';
import { sharingFactsConsumer } from '@hearth/sharing';
import type { ServicesDeps } from '../deps';
import { enrollmentsConsumer } from './enrollments';
import { hmisImportsConsumer } from './hmis-imports';

/**
 * What this service consumes: one consumer per queue (`services.<purpose>`), each parsing its
 * events with the schemas of libs/events and calling one use case in the transaction that records
 * the event as processed. Events it publishes are written to the outbox in the transaction of the
 * change.
 */
export function consumers(deps: ServicesDeps): ConsumerOptions[] {
  // Who may see each participant: intake's versioned sharing state, newest version wins.
  // Identity's organizations (time zone) and users (staff), newest version wins.
  return [
    sharingFactsConsumer('services.sharing-facts'),
    enrollmentsConsumer,
    directoryConsumer('services.directory'),
    // Who lives together: intake's families, for services given to a whole household.
    familyFactsConsumer('services.families'),
    // FSSP's goals and barriers: what a service's goalId / barrierId may name.
    planGoalsConsumer('services.plan-goals'),
    // Intake's links of records as one person: a person's services and notes listed together.
    peopleConsumer('services.people'),
    // An HMIS import's Services.csv rows, recorded once enrollment names their enrollment.
    hmisImportsConsumer(deps),
  ];
}
