import { counts, type Harness } from './harness';
import type { HmisEnrollment } from '@hearth/events';

/** An HMIS import's events as reporting and intake send them, for one import. */
export function importFixtures(importId: string) {
  const imported = (
    exportId: string,
    enrollmentId: string,
    personalId: string,
    more: Partial<HmisEnrollment> = {},
  ): HmisEnrollment => ({
    importId,
    exportId,
    enrollmentId,
    personalId,
    importerRoles: ['caseworker'],
    project: {
      projectId: 'P1',
      name: 'Night Shelter',
      projectType: 1,
      operatingStartDate: '2020-01-01',
    },
    entryDate: '2025-01-15',
    relationshipToHoH: 1,
    householdId: `${enrollmentId}HH`,
    exit: null,
    ...more,
  });
  const matched = (exportId: string, personalId: string, participantId: string | null) => ({
    importId,
    exportId,
    personalId,
    outcome: participantId ? ('taken_in' as const) : ('not_taken_in' as const),
    participantId,
    linkedToParticipantId: null,
    reason: participantId ? null : 'No birth date',
  });
  return { imported, matched };
}

export const shelterExit = {
  exitId: 'X1',
  exitDate: '2025-06-30',
  destination: 101,
  reason: 'other' as const,
  housingStatusAtExit: 'shelter' as const,
};

/** A fresh ExportID per test: each test's import is its own. */
export function exportIds() {
  let seq = 0;
  return () => `EXP${++seq}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The enrollment's own rows: a refusal writes none of them (its outbox holds only the settled
 * event that tells reporting).
 */
export async function enrollmentRowCounts(h: Harness) {
  const { outbox: _told, ...rows } = await counts(h);
  return rows;
}
