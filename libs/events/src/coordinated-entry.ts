import { z } from 'zod';
import { defineEvent, eventDate } from './envelope';

/**
 * Coordinated entry (referrals service): assessments, the housing queue, vacancies and placement.
 * Facts and ids only, never answers' text: consumers that need more read it from referrals.
 */
const id = z.string().uuid();
const date = eventDate;

export const AssessmentRecorded = defineEvent(
  'referrals.assessment.recorded',
  1,
  z.strictObject({
    assessmentId: id,
    participantId: id,
    orgId: id,
    definitionId: id,
    definitionVersion: z.number().int().positive(),
    assessmentDate: date,
    score: z.number().int(),
  }),
);

const queueEntryFacts = z.strictObject({
  queueEntryId: id,
  queueId: id,
  participantId: id,
  score: z.number().int(),
  householdSize: z.number().int().positive(),
});
export const QueueEntryAdded = defineEvent('referrals.queue-entry.added', 1, queueEntryFacts);
/** Off the queue: placed (a provider accepted the referral) or removed by a CE manager. */
export const QueueEntryRemoved = defineEvent(
  'referrals.queue-entry.removed',
  1,
  queueEntryFacts.extend({ reason: z.enum(['placed', 'removed']) }),
);

const vacancyFacts = z.strictObject({
  vacancyId: id,
  orgId: id,
  program: z.string().min(1).max(200),
  unitType: z.string().min(1).max(100),
  householdSize: z.number().int().positive(),
  availableFrom: date,
  /** the referral holding it (reserved, filled, released); null when posted */
  referralId: id.nullable(),
  /** the queue entry it was matched to; null when posted */
  queueEntryId: id.nullable(),
});
export const VacancyPosted = defineEvent('referrals.vacancy.posted', 1, vacancyFacts);
export const VacancyReserved = defineEvent('referrals.vacancy.reserved', 1, vacancyFacts);
export const VacancyFilled = defineEvent('referrals.vacancy.filled', 1, vacancyFacts);
/** Free again: the provider rejected the referral that held it (its reason stays with referrals). */
export const VacancyReleased = defineEvent('referrals.vacancy.released', 1, vacancyFacts);

/**
 * A provider accepted a coordinated-entry referral: the notice to the referring case manager
 * (notifications: in-app and e-mail) and the provider's "Initiate Client Intake" (enrollment).
 */
export const PlacementMade = defineEvent(
  'referrals.placement.made',
  1,
  z.strictObject({
    referralId: id,
    participantId: id,
    vacancyId: id,
    queueEntryId: id,
    providerOrgId: id,
    program: z.string().min(1).max(200),
    referringOrgId: id,
    referringUserId: id,
    placedOn: date,
  }),
);

export const coordinatedEntryEvents = [
  AssessmentRecorded,
  QueueEntryAdded,
  QueueEntryRemoved,
  VacancyPosted,
  VacancyReserved,
  VacancyFilled,
  VacancyReleased,
  PlacementMade,
] as const;
