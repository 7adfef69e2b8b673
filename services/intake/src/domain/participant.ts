import { z } from 'zod';
import { isoDate } from '@hearth/http';
import { securityRestrictions, sexValues } from '@hearth/events';

const name = z.string().trim().min(1).max(100);

/** The identifying fields of a new intake (the walking skeleton's subset of DOMAIN.md's list). */
export const newParticipant = z.strictObject({
  firstName: name,
  middleName: name.nullable().optional(),
  lastName: name,
  birthDate: isoDate(),
  sex: z.enum(sexValues).nullable().optional(),
  securityRestriction: z.enum(securityRestrictions).default('restrict_to_org'),
});
export type NewParticipant = z.infer<typeof newParticipant>;

export const participantView = z.object({
  id: z.string().uuid(),
  ownerOrgId: z.string().uuid(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string(),
  birthDate: z.string(),
  sex: z.enum(sexValues).nullable(),
  securityRestriction: z.enum(securityRestrictions),
  createdAt: z.string(),
});
export type ParticipantView = z.infer<typeof participantView>;

/** A birth date must be a real past date, and not absurdly old. */
export function birthDateProblem(birthDate: string, today: Date): string | undefined {
  const todayIso = today.toISOString().slice(0, 10);
  if (birthDate > todayIso) return 'The birth date is in the future.';
  if (birthDate < `${today.getUTCFullYear() - 120}-01-01`)
    return 'The birth date is more than 120 years ago.';
  return undefined;
}
