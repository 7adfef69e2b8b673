import type { FieldError } from '@hearth/http';

/** The role that types in services other staff provided, and so may name them as the staff. */
export const DATA_ENTRY = 'data_entry';

/** The staff a record names, as the organization's user directory knows them. */
export interface StaffCandidate {
  active: boolean;
}

/**
 * Who provided a service: the actor unless they name someone else. Naming another user takes the
 * data_entry role ('forbidden': a caseworker records their own work), and that user must be an
 * active user of the actor's organization; unknown, another agency's and inactive read alike.
 */
export function staffProblem(
  actor: { userId: string; roles: readonly string[] },
  staffUserId: string,
  candidate: StaffCandidate | undefined,
): 'forbidden' | FieldError | undefined {
  if (staffUserId === actor.userId) return undefined;
  if (!actor.roles.includes(DATA_ENTRY)) return 'forbidden';
  if (!candidate?.active)
    return { field: 'staffUserId', message: 'Not an active user of your organization' };
  return undefined;
}
