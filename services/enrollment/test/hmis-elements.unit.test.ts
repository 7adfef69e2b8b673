import { completeElements, elementProblems, elementsBody } from '../src/domain/hmis-elements';

const fields = (stage: Parameters<typeof elementProblems>[0], elements: object) =>
  elementProblems(stage, elements as never).map((p) => p.field);

describe("HUD's element sets", () => {
  it('opens long-term and services under each kind of substance use disorder (1 alcohol, 2 drug, 3 both)', () => {
    for (const answer of [1, 2, 3])
      expect(
        fields('update', { disabilities: { ...noDisability, substanceUseDisorder: answer } }),
      ).toEqual([
        'elements.disabilities.substanceUseDisorderLongTerm',
        'elements.disabilities.substanceUseDisorderReceivingServices',
      ]);
  });

  it('asks no long-term question of a developmental disability', () => {
    expect(
      fields('update', {
        disabilities: {
          ...noDisability,
          developmentalDisability: 1,
          developmentalDisabilityLongTerm: 1,
          developmentalDisabilityReceivingServices: 1,
        },
      }),
    ).toEqual([]);
    expect(
      elementsBody.safeParse({ disabilities: { developmentalDisabilityLongTerm: 1 } }).success,
    ).toBe(false);
  });

  it('refuses "income from any source: yes" naming no source', () => {
    expect(fields('update', { incomeBenefits: { incomeFromAnySource: 1, earned: 0 } })).toEqual([
      'elements.incomeBenefits.incomeFromAnySource',
    ]);
  });

  it('totals no income when the client has none, and no total when it was not collected', () => {
    expect(
      completeElements({ incomeBenefits: { incomeFromAnySource: 0 } }).incomeBenefits
        .totalMonthlyIncomeCents,
    ).toBe(0);
    expect(
      completeElements({ incomeBenefits: { incomeFromAnySource: 99 } }).incomeBenefits
        .totalMonthlyIncomeCents,
    ).toBeNull();
  });

  it('opens the employment type under employed and the reason under not employed', () => {
    const education = { lastGradeCompleted: 5, schoolStatus: 3 };
    expect(
      fields('exit', { employmentEducation: { ...education, employed: 1, notEmployedReason: 1 } }),
    ).toEqual([
      'elements.employmentEducation.employmentType',
      'elements.employmentEducation.notEmployedReason',
    ]);
  });

  it('asks the subsidy type only of a rental with an ongoing housing subsidy (435)', () => {
    expect(fields('update', { currentLivingSituation: { currentLivingSituation: 435 } })).toEqual([
      'elements.currentLivingSituation.clsSubsidyType',
    ]);
    expect(
      fields('update', {
        currentLivingSituation: { currentLivingSituation: 410, clsSubsidyType: 419 },
      }),
    ).toEqual(['elements.currentLivingSituation.clsSubsidyType']);
  });
});

const noDisability = {
  physicalDisability: 0,
  developmentalDisability: 0,
  chronicHealthCondition: 0,
  hivAids: 0,
  mentalHealthDisorder: 0,
  substanceUseDisorder: 0,
};
