import { compareBirthDates } from './birth-dates';
import { canonicalFirstName, jaroWinkler, nameTokens, normalizeName } from './names';

/** One side of a comparison. Phonetic codes (double metaphone) come from Postgres' fuzzystrmatch. */
export interface MatchPerson {
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  sex?: string | null;
  ssnLast4?: string | null;
  alienNumber?: string | null;
  phonetic: { first: string; last: string };
}

export type MatchReason =
  | 'same_name'
  | 'similar_name'
  | 'nickname'
  | 'sounds_alike'
  | 'first_and_last_swapped'
  | 'shared_last_name_part'
  | 'birth_date_same'
  | 'birth_date_day_month_swapped'
  | 'birth_date_one_digit_off'
  | 'ssn_last4_same'
  | 'alien_number_same'
  | 'sex_differs';

/** Above this score, creating a new participant needs an explicit `confirmNew: true`. */
export const LIKELY_DUPLICATE = 70;
/**
 * The score an import takes for the same person without a worker to ask: 55 for the same name and
 * 30 for the same birth date (85), nothing taken off for a differing sex. A typo, a swapped birth
 * date or a nickname stays below, for the duplicate scan and a supervisor to judge.
 */
export const CONFIDENT_MATCH = 85;

const BIRTH_DATE_POINTS = {
  same: 30,
  day_month_swapped: 24,
  one_digit_off: 20,
  different: 0,
} as const;
const NAME_POINTS = 55;

interface NamePart {
  similarity: number;
  reasons: MatchReason[];
}

function firstNameSimilarity(a: string, b: string, phoneticA: string, phoneticB: string): NamePart {
  if (a === b) return { similarity: 1, reasons: [] };
  if (canonicalFirstName(a) === canonicalFirstName(b))
    return { similarity: 0.95, reasons: ['nickname'] };
  const jw = jaroWinkler(a, b);
  if (phoneticA && phoneticA === phoneticB && jw < 0.9)
    return { similarity: 0.9, reasons: ['sounds_alike'] };
  return { similarity: jw, reasons: [] };
}

function lastNameSimilarity(a: string, b: string, phoneticA: string, phoneticB: string): NamePart {
  if (a === b) return { similarity: 1, reasons: [] };
  const jw = jaroWinkler(a, b);
  const shared = nameTokens(a).some((t) => t.length > 1 && nameTokens(b).includes(t));
  if (shared && jw < 0.92) return { similarity: 0.92, reasons: ['shared_last_name_part'] };
  if (phoneticA && phoneticA === phoneticB && jw < 0.9)
    return { similarity: 0.9, reasons: ['sounds_alike'] };
  return { similarity: jw, reasons: [] };
}

function nameMatch(q: MatchPerson, c: MatchPerson): NamePart {
  const [qf, ql, cf, cl] = [q.firstName, q.lastName, c.firstName, c.lastName].map(normalizeName);
  const combine = (first: NamePart, last: NamePart, extra: MatchReason[]): NamePart => ({
    similarity: 0.45 * first.similarity + 0.55 * last.similarity,
    reasons: [...first.reasons, ...last.reasons, ...extra],
  });
  const direct = combine(
    firstNameSimilarity(qf, cf, q.phonetic.first, c.phonetic.first),
    lastNameSimilarity(ql, cl, q.phonetic.last, c.phonetic.last),
    [],
  );
  const swapped = combine(
    firstNameSimilarity(qf, cl, q.phonetic.first, c.phonetic.last),
    lastNameSimilarity(ql, cf, q.phonetic.last, c.phonetic.first),
    ['first_and_last_swapped'],
  );
  swapped.similarity -= 0.02; // the same names in the right places are the better explanation
  return swapped.similarity > direct.similarity ? swapped : direct;
}

/** How likely `candidate` is the person described by `query`: 0–100, with the reasons. */
export function scoreMatch(
  query: MatchPerson,
  candidate: MatchPerson,
): { score: number; reasons: MatchReason[] } {
  const name = nameMatch(query, candidate);
  // Names below 0.5 similarity say nothing; from there up to identical they earn up to 55 points.
  let score = Math.max(0, (name.similarity - 0.5) / 0.5) * NAME_POINTS;
  const reasons: MatchReason[] = [
    name.similarity >= 0.999 ? 'same_name' : 'similar_name',
    ...name.reasons,
  ];
  if (name.similarity < 0.8) reasons.shift();

  if (query.birthDate && candidate.birthDate) {
    const dob = compareBirthDates(query.birthDate, candidate.birthDate);
    score += BIRTH_DATE_POINTS[dob];
    if (dob !== 'different') reasons.push(`birth_date_${dob}`);
  }
  if (query.ssnLast4 && query.ssnLast4 === candidate.ssnLast4) {
    score += 10;
    reasons.push('ssn_last4_same');
  }
  if (query.alienNumber && normalizeId(query.alienNumber) === normalizeId(candidate.alienNumber)) {
    score += 35;
    reasons.push('alien_number_same');
  }
  if (
    query.sex &&
    candidate.sex &&
    ![query.sex, candidate.sex].some((s) => s === 'unknown' || s === 'refused') &&
    query.sex !== candidate.sex
  ) {
    score -= 10;
    reasons.push('sex_differs');
  }
  return { score: Math.round(Math.max(0, Math.min(100, score))), reasons: [...new Set(reasons)] };
}

/** Alien numbers are written with and without the A prefix and dashes: A-012-345-678 = 012345678. */
export const normalizeId = (value: string | null | undefined): string =>
  (value ?? '').toUpperCase().replace(/^A/, '').replace(/\D/g, '').replace(/^0+/, '');
