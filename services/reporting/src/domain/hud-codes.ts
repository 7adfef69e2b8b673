/**
 * Our values → HUD's FY2026 code lists, one reviewed table per element. A value missing from a
 * table is a compile error (Record over our enum), so a new value in libs/events cannot be exported
 * unmapped. 8 = client doesn't know, 9 = client prefers not to answer, 99 = data not collected.
 */
import type {
  disablingConditions,
  exitReasons,
  housingStatusesAtExit,
  raceValues,
  relationships,
  sexValues,
  ssnStatuses,
  veteranStatuses,
} from '@hearth/events';

export const DOESNT_KNOW = 8;
export const PREFERS_NOT = 9;
export const NOT_COLLECTED = 99;

/**
 * 3.06 Sex (FY2026): 0 Female, 1 Male. `intersex` has no code in HUD's list: reported as not
 * collected rather than guessed; `unknown` is the client not knowing, `refused` not answering.
 */
export const SEX: Record<(typeof sexValues)[number], number> = {
  female: 0,
  male: 1,
  intersex: NOT_COLLECTED,
  unknown: DOESNT_KNOW,
  refused: PREFERS_NOT,
};

/**
 * 3.04 Race and Ethnicity (FY2026): one 0/1 column per category, several may be 1. HUD's column
 * names, as its sample export spells them. Doesn't know / prefers not to answer are not columns:
 * they go to RaceNone (raceNoneOf).
 */
export const RACE_COLUMNS: Record<
  Exclude<(typeof raceValues)[number], 'client_doesnt_know' | 'client_prefers_not_to_answer'>,
  string
> = {
  american_indian_alaska_native_indigenous: 'AmIndAKNative',
  asian_asian_american: 'Asian',
  black_african_american_african: 'BlackAfAmerican',
  hispanic_latina_e_o: 'HispanicLatinao',
  middle_eastern_north_african: 'MidEastNAfrican',
  native_hawaiian_pacific_islander: 'NativeHIPacific',
  white: 'White',
};

/**
 * RaceNone: empty when any category is marked (HUD: RaceNone only when every race column is 0),
 * else 9 when the client prefers not to answer, 8 when they do not know, 99 when not collected
 * (an empty list, or an event from before intake announced race).
 */
export function raceNoneOf(race: readonly string[] | null): number | null {
  const answers = race ?? [];
  if (answers.some((r) => r in RACE_COLUMNS)) return null;
  if (answers.includes('client_prefers_not_to_answer')) return PREFERS_NOT;
  if (answers.includes('client_doesnt_know')) return DOESNT_KNOW;
  return NOT_COLLECTED;
}

/** 3.07 Veteran Status: 0 No, 1 Yes, 8 doesn't know, 9 prefers not to answer (null: 99). */
export const VETERAN_STATUS: Record<(typeof veteranStatuses)[number], number> = {
  no: 0,
  yes: 1,
  unknown: DOESNT_KNOW,
  refused: PREFERS_NOT,
};

/**
 * 3.08 Disabling Condition (list 1.8): 0 No, 1 Yes, 8 client doesn't know, 9 client prefers not
 * to answer. Intake's answer only; none recorded, or an event from before intake announced it
 * (null): 99 not collected.
 */
export const DISABLING_CONDITION: Record<(typeof disablingConditions)[number], number> = {
  no: 0,
  yes: 1,
  unknown: DOESNT_KNOW,
  refused: PREFERS_NOT,
};
export const disablingConditionOf = (
  answer: (typeof disablingConditions)[number] | null,
): number => (answer === null ? NOT_COLLECTED : DISABLING_CONDITION[answer]);

/**
 * 3.02 SSN Data Quality: 1 full SSN reported, 9 prefers not to answer, 99 not collected. Intake
 * keeps only whole SSNs (never a partial one, 2) and does not tell "doesn't know" (8) from nothing
 * recorded: `none` is 99, as is an event from before intake announced it (null).
 */
export const SSN_DATA_QUALITY: Record<(typeof ssnStatuses)[number], number> = {
  full: 1,
  refused: PREFERS_NOT,
  none: NOT_COLLECTED,
};

/**
 * 3.15 Relationship to Head of Household: 1 Self (head), 2 Head's child, 3 Head's spouse or
 * partner, 4 Head's other relation member, 5 Other: non-relation member.
 */
export const RELATIONSHIP_TO_HOH: Record<(typeof relationships)[number], number> = {
  head_of_household: 1,
  child: 2,
  stepchild: 2,
  spouse: 3,
  partner: 3,
  parent: 4,
  sibling: 4,
  grandchild: 4,
  grandparent: 4,
  other_relative: 4,
  non_relative: 5,
};

/**
 * 3.12 Destination from our housing status at exit: 101 Emergency shelter, 116 Place not meant
 * for habitation, 302 Transitional housing, 17 Other. `permanent_housing` does not say which of
 * HUD's permanent destinations (rental with or without subsidy, owned, with family...): it is
 * exported as 17 Other with the words in OtherDestination, never guessed into one of them.
 */
export const DESTINATION: Record<
  (typeof housingStatusesAtExit)[number],
  { code: number; other?: string }
> = {
  permanent_housing: { code: 17, other: 'Permanent housing (type not recorded)' },
  transitional_housing: { code: 302 },
  shelter: { code: 101 },
  street_car: { code: 116 },
  other_see_case_notes: { code: 17, other: 'Other (see case notes)' },
};
/** 30 No exit interview completed: an auto exit asked nobody. 24 Deceased, whatever else. */
export const NO_EXIT_INTERVIEW = 30;
export const DECEASED = 24;

export function destinationOf(
  reason: (typeof exitReasons)[number],
  housingStatus: (typeof housingStatusesAtExit)[number] | null,
): { code: number; other: string | null } {
  if (reason === 'deceased') return { code: DECEASED, other: null };
  if (housingStatus === null) return { code: NO_EXIT_INTERVIEW, other: null };
  const { code, other } = DESTINATION[housingStatus];
  return { code, other: other ?? null };
}

/**
 * Services.csv rows need HUD's RecordType and TypeProvided. Our service types are each program's
 * catalog (rules as data), so only the catalog ids listed here have a HUD meaning; a service of
 * another type stays out of Services.csv (it is not one of HUD's services).
 */
export const SERVICE_TYPES: Readonly<Record<string, { recordType: number; typeProvided: number }>> =
  {
    bed_night: { recordType: 200, typeProvided: 200 },
  };

/**
 * 3.12 Destination back into our words, for an imported exit: the reverse of DESTINATION, read by
 * HUD's groups (appendix A: 1xx homeless, 2xx institutional, 3xx temporary, 4xx permanent). Exit.csv
 * holds no reason for leaving, so the reason is `other` but where the destination says it (24
 * deceased, 2xx institutionalized). 30 / 37 / 8 / 9 / 99: nobody said where, so no housing status
 * (as an auto exit has none). A temporary stay other than transitional housing (with family or
 * friends, a hotel, a host home) is none of our statuses: `other_see_case_notes`.
 */
export function exitOfDestination(code: number): {
  reason: (typeof exitReasons)[number];
  housingStatusAtExit: (typeof housingStatusesAtExit)[number] | null;
} {
  if (code === DECEASED) return { reason: 'deceased', housingStatusAtExit: null };
  if (code >= 200 && code < 300)
    return { reason: 'institutionalized', housingStatusAtExit: 'other_see_case_notes' };
  const status = (s: (typeof housingStatusesAtExit)[number]) => ({
    reason: 'other' as const,
    housingStatusAtExit: s,
  });
  if (code === 101 || code === 118) return status('shelter');
  if (code === 116) return status('street_car');
  if (code === 302) return status('transitional_housing');
  if (code >= 400 && code < 500) return status('permanent_housing');
  if (code >= 300 && code < 400) return status('other_see_case_notes');
  if (code === 17) return status('other_see_case_notes');
  return { reason: 'other', housingStatusAtExit: null };
}
