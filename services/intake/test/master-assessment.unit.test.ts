import { validateStep } from '@hearth/workflows';
import { completedAssessment, masterAssessmentProblems } from '../src/domain/master-assessment';
import { intakeAssessment } from '../src/workflows';

const head = '5f1c1a52-4a8e-4a8e-9a8e-1a2b3c4d5e6f';
const spouse = '6f1c1a52-4a8e-4a8e-9a8e-1a2b3c4d5e6f';
const enrollmentId = '7f1c1a52-4a8e-4a8e-9a8e-1a2b3c4d5e6f';
const noIncome = { incomeBenefits: { incomeFromAnySource: 0 } };
const fields = (step: Parameters<typeof masterAssessmentProblems>[0]) =>
  masterAssessmentProblems(step).map((p) => p.field);

describe('the master assessment step', () => {
  it('is ready to finish with an enrollment and each member answered once', () => {
    const step = { enrollmentId, members: [{ participantId: head, elements: noIncome }] };
    expect(masterAssessmentProblems(step)).toEqual([]);
    expect(completedAssessment(step).restriction).toBe('org'); // the default, as in enrollment
  });

  it('names what keeps it from being finished, row by row', () => {
    expect(
      fields({
        members: [
          { participantId: head, elements: {} },
          { participantId: head, elements: noIncome },
          // HUD's 4.11: "currently fleeing" is asked only of a survivor (answered 1)
          {
            participantId: spouse,
            elements: { healthAndDv: { domesticViolenceSurvivor: 0, currentlyFleeing: 1 } },
          },
          // HUD 4.02: income "from any source: yes" names at least one source
          { participantId: spouse, elements: { incomeBenefits: { incomeFromAnySource: 1 } } },
        ],
      }),
    ).toEqual([
      'enrollmentId',
      'members[0].elements',
      'members[1].participantId',
      'members[2].elements.healthAndDv.currentlyFleeing',
      'members[3].participantId',
      'members[3].elements.incomeBenefits.incomeFromAnySource',
    ]);
    expect(fields({ enrollmentId, members: [] })).toEqual(['members']);
  });

  it('keeps a draft that is not finished yet, but never an answer outside its list', () => {
    const draft = { members: [{ participantId: head, elements: {} }] };
    expect(validateStep(intakeAssessment, 'assessment', draft)).toEqual(draft);
    expect(() =>
      validateStep(intakeAssessment, 'assessment', {
        members: [{ participantId: head, elements: { disabilities: { hivAids: 2 } } }],
      }),
    ).toThrow('The data of step assessment is invalid.');
  });
});
