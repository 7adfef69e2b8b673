import { z } from 'zod';
import { defineEvent } from './envelope';

/**
 * A read or change of a participant's data went through the shared participant gate (libs/access),
 * in whichever service answered: who, from which organization, what, and whether it was allowed.
 * Every service's outbox carries them to one append-only audit store (notifications' audit trail).
 * No data of the record itself, only its kind.
 */
export const ParticipantAccessed = defineEvent(
  'access.participant.accessed',
  1,
  z.strictObject({
    participantId: z.string().uuid(),
    userId: z.string().uuid(),
    orgId: z.string().uuid(),
    action: z.enum(['read', 'write', 'delete']),
    allowed: z.boolean(),
    /** the decision's snake_case reason (same_org, restricted_to_org, expired…) */
    reason: z.string().min(1).max(60),
    /** what the route was after, as the gate names it ("The participant", "The case note") */
    what: z.string().min(1).max(100),
    at: z.string().datetime(),
  }),
);
