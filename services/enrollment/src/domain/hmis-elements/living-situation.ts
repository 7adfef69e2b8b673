import { MISSING, NO_YES, STAGES, type ElementSet } from './element-set';

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

/** HUD 3.917 Prior living situation at entry (Enrollment.csv), with its length of stay. */
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
    { name: 'dateToStreetEssh', kind: { date: true }, optional: true },
    { name: 'timesHomelessPastThreeYears', kind: { codes: [1, 2, 3, 4, ...MISSING] } },
    {
      // 101 one month … 112 twelve months, 113 more than twelve
      name: 'monthsHomelessPastThreeYears',
      kind: { codes: [...Array.from({ length: 13 }, (_, i) => 101 + i), ...MISSING] },
    },
  ],
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
