import type { FieldError } from '@hearth/http';

export interface ProgramPeriod {
  activeFrom: string;
  activeTo: string | null;
}

export const activeOn = (program: ProgramPeriod, date: string): boolean =>
  date >= program.activeFrom && (!program.activeTo || date <= program.activeTo);

/** The application date a program record may carry (field `applicationDate`). */
export function applicationDateProblems(input: {
  applicationDate: string;
  birthDate: string;
  program: ProgramPeriod;
  /** Dates the history already holds, which the application must precede. */
  later: {
    registrationDate?: string | null;
    participationDate?: string | null;
    exitDate?: string | null;
  };
  today: string;
}): FieldError[] {
  const { applicationDate, birthDate, program, later, today } = input;
  const problems: string[] = [];
  if (applicationDate < birthDate)
    problems.push(`Must not be before the participant's birth date ${birthDate}`);
  if (applicationDate > today) problems.push(`Must not be in the future (today is ${today})`);
  if (!activeOn(program, applicationDate))
    problems.push(
      `The program is active from ${program.activeFrom}${program.activeTo ? ` to ${program.activeTo}` : ''}`,
    );
  // The guide: the application date precedes registration and the first funded service.
  for (const [name, date] of Object.entries(later))
    if (date && applicationDate > date)
      problems.push(`Must not be after the ${name.replace('Date', '')} date ${date}`);
  return problems.map((message) => ({ field: 'applicationDate', message }));
}

/** The date registration was completed (field `registrationDate`). */
export function registrationDateProblems(
  registrationDate: string,
  applicationDate: string,
  today: string,
): FieldError[] {
  const problems: string[] = [];
  if (registrationDate < applicationDate)
    problems.push(`Must not be before the application date ${applicationDate}`);
  if (registrationDate > today) problems.push(`Must not be in the future (today is ${today})`);
  return problems.map((message) => ({ field: 'registrationDate', message }));
}

/**
 * A program's new active period must still hold every application its records carry (fields
 * `activeFrom`, `activeTo`): an enrollment is never left dated outside its program.
 */
export function activePeriodProblems(
  period: ProgramPeriod,
  applications: { first: string; last: string; count: number } | null,
): FieldError[] {
  const problems: FieldError[] = [];
  if (period.activeTo && period.activeTo < period.activeFrom)
    problems.push({
      field: 'activeTo',
      message: `Must not be before activeFrom ${period.activeFrom}`,
    });
  if (!applications) return problems;
  const held = `${applications.count} enrollment(s) applied between ${applications.first} and ${applications.last}`;
  if (period.activeFrom > applications.first)
    problems.push({
      field: 'activeFrom',
      message: `Must not be after ${applications.first}: ${held}`,
    });
  if (period.activeTo && period.activeTo < applications.last)
    problems.push({
      field: 'activeTo',
      message: `Must not be before ${applications.last}: ${held}`,
    });
  return problems;
}
