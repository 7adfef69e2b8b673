import { MISSING, NO_YES, STAGES, type ElementSet, type GivenAnswers } from './element-set';

/**
 * HUD's living situation list (FY2026, as the sample export writes it): 1xx homeless, 2xx
 * institutional, 3xx temporary (335/336 staying with family/friends), 4xx permanent.
 */
export const LIVING_SITUATIONS = [
  101, 116, 118, 204, 205, 206, 207, 215, 225, 302, 314, 327, 329, 332, 335, 336, 410, 411, 421,
  422, 423, 426, 435,
] as const;
/** 435 "rental by client, with ongoing housing subsidy" opens the subsidy's type. */
const WITH_SUBSIDY = 435;
const RENTAL_SUBSIDY_TYPES = [419, 420, 428, 431, 433, 434, 436, 437, 438, 439, 440];

const homeless = (a: GivenAnswers) =>
  typeof a.livingSituation === 'number' && a.livingSituation < 200;
const institutional = (a: GivenAnswers) =>
  typeof a.livingSituation === 'number' && a.livingSituation >= 200 && a.livingSituation < 300;
/**
 * 3.917B/C: a stay short enough not to break a homeless episode: under 90 days in an institution
 * (10, 11, 2, 3), under 7 nights elsewhere (10, 11). Not asked of 3.917A (already homeless).
 */
function losUnderThreshold(a: GivenAnswers): boolean {
  if (homeless(a) || typeof a.lengthOfStay !== 'number') return false;
  return (institutional(a) ? [10, 11, 2, 3] : [10, 11]).includes(a.lengthOfStay);
}
/** 3.917A, or B/C with a short stay right after the street, shelter or safe haven. */
const episodeAsked = (a: GivenAnswers) =>
  homeless(a) || (losUnderThreshold(a) && a.previousStreetEssh === 1);
const episode = {
  test: episodeAsked,
  description:
    'livingSituation is homeless (1xx), or previousStreetEssh is 1 after a stay under the threshold',
};

/**
 * HUD 3.917 Prior living situation at entry (Enrollment.csv): its length of stay, and the
 * homeless episode's start and history where its branch (A homeless, B institutional, C other)
 * asks them; LOSUnderThreshold is computed from the branch, never typed.
 */
export const priorLivingSituation: ElementSet = {
  key: 'priorLivingSituation',
  hudFile: 'Enrollment.csv',
  title: 'Prior living situation',
  stages: ['project_start'],
  questions: [
    { name: 'livingSituation', kind: { codes: [...LIVING_SITUATIONS, ...MISSING] } },
    {
      name: 'rentalSubsidyType',
      kind: { codes: RENTAL_SUBSIDY_TYPES },
      opensUnder: { question: 'livingSituation', answers: [WITH_SUBSIDY] },
    },
    // 10 one night or less, 11 two to six nights, 2 one week to a month, 3 one to three months,
    // 4 three months to a year, 5 one year or longer
    { name: 'lengthOfStay', kind: { codes: [10, 11, 2, 3, 4, 5, ...MISSING] } },
    {
      name: 'previousStreetEssh',
      kind: { codes: [0, 1] },
      opensWhen: {
        test: losUnderThreshold,
        description: 'lengthOfStay is under the threshold of its (non-homeless) livingSituation',
      },
    },
    // the approximate start of this episode: HUD takes it as known or leaves it blank
    { name: 'dateToStreetEssh', kind: { date: true }, opensWhen: episode, optional: true },
    {
      name: 'timesHomelessPastThreeYears',
      kind: { codes: [1, 2, 3, 4, ...MISSING] },
      opensWhen: episode,
    },
    {
      // 101 one month … 112 twelve months, 113 more than twelve
      name: 'monthsHomelessPastThreeYears',
      kind: { codes: [...Array.from({ length: 13 }, (_, i) => 101 + i), ...MISSING] },
      opensWhen: episode,
    },
  ],
  derive: (a) => ({ losUnderThreshold: homeless(a) ? null : losUnderThreshold(a) ? 1 : 0 }),
};

/**
 * HUD 4.12 Current living situation (CurrentLivingSituation.csv): where the client is staying
 * now, with its location details (the only free text of the element sets; events leave it out).
 */
export const currentLivingSituation: ElementSet = {
  key: 'currentLivingSituation',
  hudFile: 'CurrentLivingSituation.csv',
  title: 'Current living situation',
  stages: STAGES,
  questions: [
    // 17 other, 37 worker unable to determine
    { name: 'currentLivingSituation', kind: { codes: [...LIVING_SITUATIONS, 17, 37, ...MISSING] } },
    {
      name: 'clsSubsidyType',
      kind: { codes: RENTAL_SUBSIDY_TYPES },
      opensUnder: { question: 'currentLivingSituation', answers: [WITH_SUBSIDY] },
    },
    { name: 'leaveSituation14Days', kind: { codes: NO_YES }, optional: true },
    ...['subsequentResidence', 'resourcesToObtain', 'leaseOwn60Day', 'movedTwoOrMore'].map(
      (name) => ({
        name,
        kind: { codes: NO_YES },
        opensUnder: { question: 'leaveSituation14Days', answers: [1] },
      }),
    ),
    { name: 'locationDetails', kind: { text: 250 }, optional: true },
  ],
};
