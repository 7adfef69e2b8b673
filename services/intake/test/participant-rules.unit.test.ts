import { birthDateRefusal } from '../src/domain/participant';
import { ssnEntry } from '../src/domain/record';
import type { Refusal } from '../src/domain/refusal';
import { newReleaseRefusal, releasesShownTo } from '../src/domain/releases';

/** The fields a refusal names (none for "not found"). */
const fieldsOf = (refusal: Refusal | undefined) =>
  refusal && refusal.kind !== 'not_found' ? refusal.errors?.map((e) => e.field) : undefined;

describe('the birth date rule', () => {
  const today = '2026-03-15';

  it('refuses a birth date after today, naming birthDate', () => {
    expect(fieldsOf(birthDateRefusal('2026-03-16', today))).toEqual(['birthDate']);
  });

  it('accepts today and any day back to 1 January of the year 120 years ago', () => {
    expect(birthDateRefusal(today, today)).toBeUndefined();
    expect(birthDateRefusal('1906-01-01', today)).toBeUndefined();
  });

  it('refuses a birth date before 1 January of the year 120 years ago', () => {
    expect(birthDateRefusal('1905-12-31', today)).toMatchObject({
      kind: 'invalid',
      detail: 'The birth date is more than 120 years ago.',
    });
  });
});

describe('the SSN as entered', () => {
  it('keeps the 9 digits of a valid SSN, dashes dropped', () => {
    expect(ssnEntry('123-45-6789', undefined)).toEqual({
      entry: { refused: false, digits: '123456789' },
    });
  });

  it('refuses an SSN both given and marked refused, naming ssnRefused', () => {
    const checked = ssnEntry('123-45-6789', true);
    expect('refusal' in checked && fieldsOf(checked.refusal)).toEqual(['ssnRefused']);
  });

  it('refuses a number the SSA never issues without repeating it', () => {
    const checked = ssnEntry('666-12-3456', undefined);
    expect('refusal' in checked && fieldsOf(checked.refusal)).toEqual(['ssn']);
    expect(JSON.stringify(checked)).not.toContain('666');
  });
});

describe('the release rules', () => {
  const [ours, theirs, third] = ['org-ours', 'org-theirs', 'org-third'];

  it('refuses a release ending before it begins, naming endDate', () => {
    const release = { toOrgId: theirs, beginDate: '2026-03-02', endDate: '2026-03-01' };
    expect(fieldsOf(newReleaseRefusal(release, ours))).toEqual(['endDate']);
  });

  it('refuses a release to the organization recording it, naming toOrgId', () => {
    const release = { toOrgId: ours, beginDate: '2026-03-01', endDate: '2026-03-01' };
    expect(fieldsOf(newReleaseRefusal(release, ours))).toEqual(['toOrgId']);
  });

  it('shows the owner every release and a released organization only its own', () => {
    const releases = [{ toOrgId: theirs }, { toOrgId: third }];
    expect(releasesShownTo(ours, ours, releases)).toEqual(releases);
    expect(releasesShownTo(theirs, ours, releases)).toEqual([{ toOrgId: theirs }]);
  });
});
