import { ageOn } from '@hearth/time';
import type { Flagged } from './data-quality';
import type { Membership, Period } from './program-report';
import {
  disablingShortfall,
  nameShortfall,
  raceShortfall,
  sexShortfall,
  ssnShortfall,
  veteranShortfall,
  type ClientFacts,
  type Shortfall,
} from './shortfalls';

/**
 * HUD asks veteran status of adults only: 18 or older on the later of the period's start and the
 * record's last entry in it (HUD's "age at the later of report start and project start").
 */
function adultsOf(clients: ClientFacts[], served: Membership[], period: Period) {
  const lastEntry = new Map<string, string>();
  for (const m of served)
    if (m.entryDate > (lastEntry.get(m.participantId) ?? ''))
      lastEntry.set(m.participantId, m.entryDate);
  return clients.filter((c) => {
    const entry = lastEntry.get(c.participantId) ?? period.from;
    return ageOn(c.birthDate, entry > period.from ? entry : period.from) >= 18;
  });
}

/** Each record's shortfall of one element, as the records the report lists (`?list=`). */
const flagged = (records: ClientFacts[], shortfallOf: (c: ClientFacts) => Shortfall | null) =>
  records.flatMap((c): Flagged[] => {
    const detail = shortfallOf(c);
    return detail ? [{ participantId: c.participantId, enrollmentId: null, detail }] : [];
  });

/**
 * The elements of the client records enrolled in the period, each record once (a duplicate's
 * data is its own record's): name (a blank one missing), sex (unknown 8, refused 9, not recorded
 * 99), SSN data quality, race (RaceNone) and disabling condition as the export codes them, and
 * veteran status of the adults among them. Date of birth: intake requires it, so none falls short.
 */
export function clientElements(enrolled: ClientFacts[], served: Membership[], period: Period) {
  const adults = adultsOf(enrolled, served, period);
  return {
    adults: adults.length,
    flagged: {
      name: flagged(enrolled, nameShortfall),
      dateOfBirth: [] as Flagged[],
      ssn: flagged(enrolled, ssnShortfall),
      race: flagged(enrolled, raceShortfall),
      sex: flagged(enrolled, sexShortfall),
      veteranStatus: flagged(adults, veteranShortfall),
      disablingCondition: flagged(enrolled, disablingShortfall),
    },
  };
}
