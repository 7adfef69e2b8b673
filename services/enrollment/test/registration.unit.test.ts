import type { Eligibility } from '../src/domain/eligibility';
import { registrationResults, type MemberStanding } from '../src/domain/registration';
import { applyRegistrationChanges } from '../src/domain/registration-answers';

const eligible: Eligibility = { status: 'eligible', reasons: [] };
const tooYoung: Eligibility = {
  status: 'ineligible',
  reasons: [{ fact: 'age', outcome: 'not_met', message: 'Age must be at least 18' }],
};
const unknownHousing: Eligibility = {
  status: 'unknown',
  reasons: [
    {
      fact: 'employmentCharacteristics',
      outcome: 'unknown',
      message: 'Employment characteristics is not recorded',
    },
  ],
};
const head = (eligibility: Eligibility): MemberStanding => ({
  participantId: 'head',
  isHead: true,
  eligibility,
  overrideReason: null,
});
const child = (overrideReason: string | null): MemberStanding => ({
  participantId: 'child',
  isHead: false,
  eligibility: tooYoung,
  overrideReason,
});

describe('registration results', () => {
  it('is ready when nothing is missing and nobody is ineligible', () => {
    const results = registrationResults(['phone'], { phone: '555-0100' }, [head(eligible)]);
    expect(results).toEqual({
      missingInformation: [],
      ineligibleReasons: [],
      readyToRegister: true,
    });
  });

  it("lists required fields not answered and the head's unknown criteria as missing information", () => {
    const results = registrationResults(['phone', 'employmentCharacteristics'], {}, [
      head(unknownHousing),
    ]);
    expect(results.missingInformation).toEqual([
      { field: 'phone', message: 'Phone is required' },
      { field: 'employmentCharacteristics', message: 'Employment characteristics is required' },
    ]);
    expect(results.readyToRegister).toBe(false);
  });

  it("lists the head's unmet criteria and an ineligible member without an override", () => {
    const results = registrationResults([], {}, [head(tooYoung), child(null)]);
    expect(results.ineligibleReasons).toEqual([
      { participantId: 'head', message: 'Age must be at least 18' },
      { participantId: 'child', message: 'Age must be at least 18' },
    ]);
    expect(results.readyToRegister).toBe(false);
  });

  it('does not hold registration back for a member included by override', () => {
    const results = registrationResults([], {}, [head(eligible), child('Dependent child')]);
    expect(results.readyToRegister).toBe(true);
  });
});

describe('registration answers', () => {
  it('replaces the fields sent, clears those sent as null and keeps the others', () => {
    expect(
      applyRegistrationChanges(
        { phone: '1', email: 'a@b.org', householdIncomeCents: 5 },
        { phone: '2', email: null },
      ),
    ).toEqual({ phone: '2', householdIncomeCents: 5 });
  });
});
