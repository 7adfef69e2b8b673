import type { disablingConditions, raceValues, ssnStatuses, veteranStatuses } from '@hearth/events';
import {
  disablingConditionOf,
  NOT_COLLECTED,
  raceNoneOf,
  SSN_DATA_QUALITY,
  VETERAN_STATUS,
} from './hud-codes';

/**
 * A client record's facts as the read model holds them (intake's announced fields). Race, veteran
 * status, SSN status and disabling condition are null when the record's last event predates
 * intake announcing them (a disabling condition also when intake holds none).
 */
export interface ClientFacts {
  participantId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: string | null;
  race: (typeof raceValues)[number][] | null;
  veteranStatus: (typeof veteranStatuses)[number] | null;
  ssnStatus: (typeof ssnStatuses)[number] | null;
  disablingCondition: (typeof disablingConditions)[number] | null;
}

/** How an answer fell short: HUD's data-quality framework's columns. */
export type Shortfall = 'missing' | 'doesnt_know' | 'prefers_not' | 'not_collected';
const CODES: Record<number, Shortfall> = {
  8: 'doesnt_know',
  9: 'prefers_not',
  99: 'not_collected',
};

/** A coded answer's shortfall: absent → missing, 8 / 9 / 99 → their column, else none. */
export const shortfallOf = (code: number | null | undefined): Shortfall | null =>
  code === null || code === undefined ? 'missing' : (CODES[code] ?? null);

const SEX: Record<string, Shortfall> = { unknown: 'doesnt_know', refused: 'prefers_not' };
/** Sex unknown = 8, refused = 9, not recorded = 99. */
export const sexShortfall = (c: ClientFacts): Shortfall | null =>
  c.sex === null ? 'not_collected' : (SEX[c.sex] ?? null);

/** A blank first or last name is missing. */
export const nameShortfall = (c: ClientFacts): Shortfall | null =>
  c.firstName.trim() && c.lastName.trim() ? null : 'missing';

/**
 * A client fact's shortfall through the code the export writes for it (hud-codes.ts), so the report
 * and Client.csv never disagree: a fact not announced (null) is 99 there, so not collected here.
 */
const codedShortfall = (code: number | null): Shortfall | null =>
  code === null ? null : (CODES[code] ?? null);
export const ssnShortfall = (c: ClientFacts) =>
  codedShortfall(c.ssnStatus === null ? 99 : SSN_DATA_QUALITY[c.ssnStatus]);
// RaceNone: empty when a race is marked, else 8 / 9 / 99 (an empty or unannounced list is 99)
export const raceShortfall = (c: ClientFacts) => codedShortfall(raceNoneOf(c.race));
export const veteranShortfall = (c: ClientFacts) =>
  codedShortfall(c.veteranStatus === null ? 99 : VETERAN_STATUS[c.veteranStatus]);

/**
 * 3.08 as HUD's data-quality framework counts it for every client: 8 doesn't know, 9 prefers not,
 * and 99 or no answer together as missing (information missing), through Enrollment.csv's code.
 */
export const disablingShortfall = (c: ClientFacts): Shortfall | null => {
  const code = disablingConditionOf(c.disablingCondition);
  return code === NOT_COLLECTED ? 'missing' : codedShortfall(code);
};
