/**
 * A Client.csv row read back into our words, for intake (HUD's codes → our values: the reverse of
 * the export's tables in hud-codes.ts). Pure. Codes outside a list read as not collected (null):
 * the row passed the import's checks, so only columns the import does not check can hold them.
 */
import type { HmisClient } from '@hearth/events';
import { DISABLING_CONDITION, DOESNT_KNOW, PREFERS_NOT } from './hud-codes';

type Row = Record<string, string>;
type ClientFacts = Omit<HmisClient, 'importId' | 'exportId' | 'importerRoles'>;

/** 3.06 Sex: 0 Female, 1 Male, 8, 9; 99 not collected. */
const SEX: Record<string, ClientFacts['sex']> = {
  '0': 'female',
  '1': 'male',
  [DOESNT_KNOW]: 'unknown',
  [PREFERS_NOT]: 'refused',
};
/** 1.8 No/Yes/Missing (VeteranStatus). */
const VETERAN: Record<string, ClientFacts['veteranStatus']> = {
  '0': 'no',
  '1': 'yes',
  [DOESNT_KNOW]: 'unknown',
  [PREFERS_NOT]: 'refused',
};
/** 3.04 Race and ethnicity: one column per category, 1 = yes. */
const RACE_COLUMNS: Array<[string, ClientFacts['race'][number]]> = [
  ['AmIndAKNative', 'american_indian_alaska_native_indigenous'],
  ['Asian', 'asian_asian_american'],
  ['BlackAfAmerican', 'black_african_american_african'],
  ['HispanicLatinao', 'hispanic_latina_e_o'],
  ['MidEastNAfrican', 'middle_eastern_north_african'],
  ['NativeHIPacific', 'native_hawaiian_pacific_islander'],
  ['White', 'white'],
];
/** RaceNone: 8 doesn't know, 9 prefers not to answer (99: not collected, nothing to say). */
const RACE_NONE: Record<string, ClientFacts['race'][number]> = {
  [DOESNT_KNOW]: 'client_doesnt_know',
  [PREFERS_NOT]: 'client_prefers_not_to_answer',
};
/** 3.01 / 3.03 data quality: 1 full, 2 partial; 8, 9, 99 say the value is not there. */
const REPORTED = new Set(['1', '2']);

/**
 * 3.08 DisablingCondition (list 1.8), the export's table read backwards: 0 no, 1 yes, 8 unknown,
 * 9 refused; 99, nothing or a code off the list is no answer (undefined).
 */
export const disablingAnswerOf = (code: number | null | undefined) =>
  (Object.keys(DISABLING_CONDITION) as (keyof typeof DISABLING_CONDITION)[]).find(
    (answer) => DISABLING_CONDITION[answer] === code,
  );

const text = (v: string | undefined) => (v ?? '').trim().slice(0, 100) || null;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function clientFacts(row: Row): ClientFacts {
  const named = REPORTED.has(row.NameDataQuality ?? '');
  const race = RACE_COLUMNS.filter(([column]) => row[column] === '1').map(([, value]) => value);
  const none = RACE_NONE[row.RaceNone ?? ''];
  return {
    personalId: row.PersonalID!,
    firstName: named ? text(row.FirstName) : null,
    middleName: named ? text(row.MiddleName) : null,
    lastName: named ? text(row.LastName) : null,
    birthDate: REPORTED.has(row.DOBDataQuality ?? '') && DAY.test(row.DOB ?? '') ? row.DOB! : null,
    sex: SEX[row.Sex ?? ''] ?? null,
    race: race.length ? race : none ? [none] : [],
    veteranStatus: VETERAN[row.VeteranStatus ?? ''] ?? null,
    ssnRefused: row.SSNDataQuality === String(PREFERS_NOT),
  };
}
