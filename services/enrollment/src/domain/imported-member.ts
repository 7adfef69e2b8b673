import type { FieldError } from '@hearth/http';

/** The household an imported member joins: the head's enrollment as recorded here. */
export interface ImportedHousehold {
  applicationDate: string;
  exitDate: string | null;
}
/** The member's own dates as sent: Enrollment.csv's EntryDate and Exit.csv's ExitDate. */
export interface ImportedMemberDates {
  entryDate: string;
  exitDate: string | null;
}

/**
 * An imported member is history, so it joins an exited household too (a member a worker adds
 * here still needs an open enrollment), but only within the household's stay: entering on or
 * after the head's entry and, when the household has left, on or before its exit, and leaving
 * no later than it did. A member without an exit of an exited household left with it.
 */
export function importedMemberProblems(
  household: ImportedHousehold,
  member: ImportedMemberDates,
): FieldError[] {
  const problems: FieldError[] = [];
  const { applicationDate, exitDate } = household;
  if (member.entryDate < applicationDate)
    problems.push({
      field: 'entryDate',
      message: `Before the head’s entry on ${applicationDate}`,
    });
  if (exitDate && member.entryDate > exitDate)
    problems.push({ field: 'entryDate', message: `After the household’s exit on ${exitDate}` });
  if (member.exitDate && member.exitDate < member.entryDate)
    problems.push({
      field: 'exitDate',
      message: `Before the member’s entry on ${member.entryDate}`,
    });
  if (exitDate && member.exitDate && member.exitDate > exitDate)
    problems.push({ field: 'exitDate', message: `After the household’s exit on ${exitDate}` });
  return problems;
}
