import type { FieldError } from '@hearth/http';

export const VACANCY_STATUSES = ['available', 'reserved', 'filled'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

/** What a CE referral is made for, in the referrals table's referral_service. */
export const CE_REFERRAL_SERVICE = 'coordinated_entry_housing';

/**
 * Whether a waiting queue entry may be matched to a vacancy: the vacancy is free and the unit takes
 * the whole household. Problems name the field the client sent.
 */
export function matchProblems(
  vacancy: { status: VacancyStatus; householdSize: number },
  entry: { status: string; householdSize: number },
): { conflict: FieldError[] } | { unprocessable: FieldError[] } | undefined {
  if (vacancy.status !== 'available')
    return { conflict: [{ field: 'vacancyId', message: `The vacancy is ${vacancy.status}` }] };
  if (entry.status !== 'waiting')
    return {
      conflict: [
        {
          field: 'queueEntryId',
          message:
            entry.status === 'referred'
              ? 'The entry already has an open referral'
              : `The entry is ${entry.status}, no longer on the queue`,
        },
      ],
    };
  if (entry.householdSize > vacancy.householdSize)
    return {
      unprocessable: [
        {
          field: 'queueEntryId',
          message: `A household of ${entry.householdSize} does not fit a unit for ${vacancy.householdSize}`,
        },
      ],
    };
  return undefined;
}

/**
 * A reservation the provider has not answered within `replyDays` whole days is overdue. Computed
 * at read, not by a job: it is always true to the clock and the configured days, and nothing
 * stored can go stale or be missed by a job that did not run.
 */
export function replyOverdue(reservedAt: Date | null, now: Date, replyDays: number): boolean {
  return !!reservedAt && now.getTime() - reservedAt.getTime() > replyDays * 86_400_000;
}
