import { birthDateVariants, compareBirthDates, oneDigitOff } from '../src/domain/birth-dates';
import {
  LIKELY_DUPLICATE,
  normalizeId,
  scoreMatch,
  type MatchPerson,
} from '../src/domain/matching';
import { canonicalFirstName, jaroWinkler, normalizeName } from '../src/domain/names';

// Phonetic codes as Postgres' dmetaphone() gives them.
const person = (
  firstName: string,
  lastName: string,
  extra: Partial<MatchPerson> = {},
  phonetic = { first: '', last: '' },
): MatchPerson => ({
  firstName,
  lastName,
  birthDate: '1988-03-04',
  phonetic,
  ...extra,
});
const existing = person(
  'William',
  'Odhiambo',
  { ssnLast4: '1234', alienNumber: 'A012345678', sex: 'male' },
  { first: 'ALM', last: 'ATMP' },
);

describe('duplicate matching score', () => {
  it.each([
    [
      'the same person',
      person('William', 'Odhiambo', {}, { first: 'ALM', last: 'ATMP' }),
      ['same_name', 'birth_date_same'],
    ],
    ['a typo in the last name', person('William', 'Odhiamob'), ['similar_name']],
    ['a nickname', person('Bill', 'Odhiambo'), ['nickname']],
    [
      'a phonetic spelling',
      person('William', 'Otiambo', {}, { first: 'ALM', last: 'ATMP' }),
      ['similar_name'],
    ],
    [
      'first and last name swapped',
      person('Odhiambo', 'William', {}, { first: 'ATMP', last: 'ALM' }),
      ['first_and_last_swapped'],
    ],
    [
      'day and month swapped',
      person('William', 'Odhiambo', { birthDate: '1988-04-03' }),
      ['birth_date_day_month_swapped'],
    ],
    [
      'a birth date one digit off',
      person('William', 'Odhiambo', { birthDate: '1988-03-14' }),
      ['birth_date_one_digit_off'],
    ],
    ['a double last name', person('William', 'Odhiambo-Otieno'), ['shared_last_name_part']],
  ])('finds %s above the duplicate threshold', (_label, query, reasons) => {
    const { score, reasons: got } = scoreMatch(query, existing);
    expect(score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(got).toEqual(expect.arrayContaining(reasons));
  });

  it('ranks the exact person above a near one, and a stranger with the same birth date low', () => {
    const exact = scoreMatch(person('William', 'Odhiambo'), existing).score;
    const near = scoreMatch(person('Bill', 'Odiambo', { birthDate: '1988-04-03' }), existing).score;
    const stranger = scoreMatch(person('Grace', 'Nakamura'), existing).score;
    expect(exact).toBeGreaterThan(near);
    expect(stranger).toBeLessThan(LIKELY_DUPLICATE);
    expect(stranger).toBeLessThanOrEqual(30);
  });

  it('counts identifiers: SSN last 4 and the alien number however it is written', () => {
    const byAlien = scoreMatch(
      person('Wiliam', 'Odhiambo', { birthDate: null, alienNumber: 'a-012-345-678' }),
      existing,
    );
    expect(byAlien.reasons).toContain('alien_number_same');
    expect(byAlien.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(
      scoreMatch(person('William', 'Odhiambo', { ssnLast4: '1234' }), existing).reasons,
    ).toContain('ssn_last4_same');
    expect(normalizeId('A 012-345-678')).toBe('12345678');
  });

  it('lowers the score when the recorded sex differs, but not for unknown', () => {
    const differs = scoreMatch(person('William', 'Odhiambo', { sex: 'female' }), existing);
    expect(differs.reasons).toContain('sex_differs');
    expect(
      scoreMatch(person('William', 'Odhiambo', { sex: 'unknown' }), existing).reasons,
    ).not.toContain('sex_differs');
  });
});

describe('name and date helpers', () => {
  it('normalizes accents, case and punctuation', () => {
    expect(normalizeName("  José-Luis  O'Neil ")).toBe('jose-luis oneil');
  });
  it('maps nicknames and transliterations to one canonical name', () => {
    expect(canonicalFirstName('kate')).toBe(canonicalFirstName('katherine'));
    expect(canonicalFirstName('mohamed')).toBe(canonicalFirstName('muhammad'));
    expect(canonicalFirstName('zainab')).toBe('zainab');
  });
  it('computes Jaro-Winkler like the reference values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', '')).toBe(0);
  });
  it('generates only real dates as birth-date variants', () => {
    expect(oneDigitOff('1990-02-28')).not.toContain('1990-02-38');
    expect(oneDigitOff('1990-02-28')).toEqual(
      expect.arrayContaining(['1990-02-20', '1990-02-18', '1980-02-28']),
    );
    expect(oneDigitOff('1990-02-28')).not.toContain('1990-02-29'); // 1990 is not a leap year
    expect(birthDateVariants('1988-03-04')).toEqual(
      expect.arrayContaining(['1988-03-04', '1988-04-03', '1988-03-14']),
    );
    expect(oneDigitOff('1940-07-11').some((d) => d < '1850')).toBe(false); // never year 0940 or 0000
    expect(compareBirthDates('1988-03-04', '1988-04-03')).toBe('day_month_swapped');
    expect(compareBirthDates('1988-03-04', '1989-03-05')).toBe('different');
  });
});
