import { Problem } from '@hearth/http';
import { validateStep } from '@hearth/workflows';
import { intakeAssessment } from '../src/workflows';

describe('the intake assessment workflow steps', () => {
  const fieldsOf = (fn: () => unknown): string[] => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(Problem);
      expect((err as Problem).status).toBe(400);
      return ((err as Problem).errors ?? []).map((e) => e.field);
    }
    throw new Error('expected a 400 problem');
  };

  it('accepts a partial intake form and returns the parsed data', () => {
    const data = { firstName: ' Amina ', birthDate: '1990-04-02', phones: [{ number: '555' }] };
    expect(validateStep(intakeAssessment, 'intake_form', data)).toEqual({
      ...data,
      firstName: 'Amina',
    });
  });

  it('never keeps a full SSN in a draft', () => {
    expect(
      fieldsOf(() => validateStep(intakeAssessment, 'intake_form', { ssn: '123-45-6789' })),
    ).toEqual(['intake_form.ssn']);
  });

  it('refuses an intake form key its schema does not name, so a full SSN cannot hide under another key', () => {
    expect(
      fieldsOf(() =>
        validateStep(intakeAssessment, 'intake_form', { socialSecurity: '123-45-6789' }),
      ),
    ).toEqual(['intake_form.socialSecurity']);
    expect(
      fieldsOf(() =>
        validateStep(intakeAssessment, 'intake_form', {
          demographics: { notes: '123-45-6789' },
        }),
      ),
    ).toEqual(['intake_form.demographics.notes']);
  });

  it('bounds what a draft may hold', () => {
    const members = Array.from({ length: 31 }, () => ({ firstName: 'A' }));
    expect(fieldsOf(() => validateStep(intakeAssessment, 'family_members', { members }))).toEqual([
      'family_members.members',
    ]);
  });
});
