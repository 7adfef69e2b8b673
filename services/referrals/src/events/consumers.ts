import type { ConsumerOptions } from '@hearth/bus';
import { directoryConsumer } from '@hearth/directory';
import { peopleConsumer } from '@hearth/people';
import { planGoalsConsumer } from '@hearth/plan-goals';
import { sharingFactsConsumer } from '@hearth/sharing';
import type { ReferralsDeps } from '../deps';

/**
 * What this service consumes: one consumer per queue (`referrals.<purpose>`), each parsing its
 * events with the schemas of libs/events and calling one use case in the transaction that records
 * the event as processed. Events it publishes are written to the outbox in the transaction of the
 * change.
 */
export function consumers(_deps: ReferralsDeps): ConsumerOptions[] {
  // Who may see each participant: intake's versioned sharing state, newest version wins.
  // Identity's organizations (the provider directory, time zones), newest version wins.
  return [
    sharingFactsConsumer('referrals.sharing-facts'),
    directoryConsumer('referrals.directory'),
    // FSSP's goals and barriers: what a referral's needIds / barrierIds may name.
    planGoalsConsumer('referrals.plan-goals'),
    // Intake's links of records as one person: a person's referrals listed together.
    peopleConsumer('referrals.people'),
  ];
}
