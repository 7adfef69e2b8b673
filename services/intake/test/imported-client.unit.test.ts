import type { HmisClient } from '@hearth/events';
import { importedParticipant } from '../src/domain/imported-client';
import {
  CONFIDENT_MATCH,
  LIKELY_DUPLICATE,
  scoreMatch,
  type MatchPerson,
} from '../src/domain/matching';

const person = (firstName: string, extra: Partial<MatchPerson> = {}): MatchPerson => ({
  firstName,
  lastName: 'Odhiambo',
  birthDate: '1990-04-02',
  sex: 'female',
  phonetic: { first: '', last: '' },
  ...extra,
});
const client = (fields: Partial<HmisClient> = {}): HmisClient => ({
  importId: '00000000-0000-4000-8000-000000000001',
  exportId: 'E1',
  personalId: 'P1',
  importerRoles: ['caseworker'],
  firstName: 'Amina',
  middleName: null,
  lastName: 'Odhiambo',
  birthDate: '1990-04-02',
  sex: 'female',
  race: [],
  veteranStatus: null,
  ssnRefused: false,
  ...fields,
});

describe('the score an import links on', () => {
  it('is reached by the same name and the same birth date: 55 + 30 = 85', () => {
    expect(scoreMatch(person('Amina'), person('Amina')).score).toBe(85);
    expect(CONFIDENT_MATCH).toBe(85);
    expect(CONFIDENT_MATCH).toBeGreaterThan(LIKELY_DUPLICATE);
  });

  it('is not reached by a nickname (83), a day and month swapped (79) or a differing sex (75)', () => {
    const robert = person('Robert', { sex: 'male' });
    // 0.45 × 0.95 + 0.55 × 1 = 0.9775 → (0.9775 − 0.5) / 0.5 × 55 = 52.5, + 30 = 82.5 → 83
    expect(scoreMatch(person('Bob', { sex: 'male' }), robert).score).toBe(83);
    // 55 + 24
    expect(scoreMatch(person('Amina', { birthDate: '1990-02-04' }), person('Amina')).score).toBe(
      79,
    );
    // 85 − 10
    expect(scoreMatch(person('Amina', { sex: 'male' }), person('Amina')).score).toBe(75);
  });
});

describe('an imported client as a participant', () => {
  it("is restricted to the importer's organization, with HUD's answers in intake's words", () => {
    const taken = importedParticipant(
      client({ ssnRefused: true, veteranStatus: 'yes', race: ['white'] }),
      '2026-12-01',
    );
    expect(taken).toEqual({
      participant: expect.objectContaining({
        firstName: 'Amina',
        lastName: 'Odhiambo',
        birthDate: '1990-04-02',
        sex: 'female',
        ssnRefused: true,
        race: ['white'],
        demographics: { veteranStatus: 'yes' },
        securityRestriction: 'restrict_to_org',
      }),
    });
  });

  it('is not taken in without a first and last name, a birth date, or with a birth date in the future', () => {
    expect(importedParticipant(client({ lastName: null }), '2026-12-01')).toEqual({
      notTakenIn: 'No first and last name',
    });
    expect(importedParticipant(client({ birthDate: null }), '2026-12-01')).toEqual({
      notTakenIn: 'No birth date',
    });
    expect(importedParticipant(client({ birthDate: '2026-12-02' }), '2026-12-01')).toEqual({
      notTakenIn: 'The birth date is in the future.',
    });
  });
});
