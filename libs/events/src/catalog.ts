import { z } from 'zod';
import { defineEvent } from './envelope';

/**
 * Every event schema of the platform, in one place, so producer and consumer agree at compile time
 * and at run time. A breaking change is a new version beside the old one, never an edit.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const sexValues = ['female', 'male', 'intersex', 'unknown', 'refused'] as const;
export const securityRestrictions = ['restrict_to_org', 'share_mou', 'share_global'] as const;

/** The participant fields other services may keep in their read models; never the SSN. */
export const participantFacts = z.strictObject({
  participantId: z.string().uuid(),
  ownerOrgId: z.string().uuid(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string(),
  birthDate: date,
  sex: z.enum(sexValues).nullable(),
  securityRestriction: z.enum(securityRestrictions),
});

export type ParticipantFacts = z.infer<typeof participantFacts>;

export const ParticipantCreated = defineEvent('intake.participant.created', 1, participantFacts);

export const catalog = [ParticipantCreated] as const;
