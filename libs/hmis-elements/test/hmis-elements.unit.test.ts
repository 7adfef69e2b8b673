import { completeElements, elementProblems, elementsBody } from '../src';

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

describe("HUD's prior living situation (3.917)", () => {
  const prior = (answers: object) => fields('project_start', { priorLivingSituation: answers });
  const episode = [
    'elements.priorLivingSituation.timesHomelessPastThreeYears',
    'elements.priorLivingSituation.monthsHomelessPastThreeYears',
  ];
  it('asks the homeless episode of everyone coming from the street, a shelter or a safe haven (A)', () => {
    expect(prior({ livingSituation: 116, lengthOfStay: 5 })).toEqual(episode);
    expect(prior({ livingSituation: 101, lengthOfStay: 5, previousStreetEssh: 1 })).toEqual([
      'elements.priorLivingSituation.previousStreetEssh',
      ...episode,
    ]);
  });

  it('asks after an institution (B) whether a stay under 90 days followed the street, and then the episode', () => {
    // 3: one to three months, under the 90-day threshold; 4: three months to a year, over it
    expect(prior({ livingSituation: 206, lengthOfStay: 3 })).toEqual([
      'elements.priorLivingSituation.previousStreetEssh',
    ]);
    expect(prior({ livingSituation: 206, lengthOfStay: 3, previousStreetEssh: 1 })).toEqual(
      episode,
    );
    expect(prior({ livingSituation: 206, lengthOfStay: 3, previousStreetEssh: 0 })).toEqual([]);
    expect(prior({ livingSituation: 206, lengthOfStay: 4, previousStreetEssh: 1 })).toEqual([
      'elements.priorLivingSituation.previousStreetEssh',
    ]);
  });

  it('asks after any other situation (C) only when the stay was under 7 nights', () => {
    expect(prior({ livingSituation: 410, lengthOfStay: 2 })).toEqual([]);
    expect(prior({ livingSituation: 410, lengthOfStay: 11 })).toEqual([
      'elements.priorLivingSituation.previousStreetEssh',
    ]);
  });

  it('computes LOSUnderThreshold from the branch, none for a homeless situation', () => {
    const los = (answers: object) =>
      completeElements({ priorLivingSituation: answers as never }).priorLivingSituation
        .losUnderThreshold;
    expect(los({ livingSituation: 206, lengthOfStay: 3, previousStreetEssh: 0 })).toBe(1);
    expect(los({ livingSituation: 410, lengthOfStay: 2 })).toBe(0);
    expect(los({ livingSituation: 116, lengthOfStay: 5 })).toBeNull();
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
