import { MISSING, NO_YES, type ElementSet } from './element-set';

/**
 * HUD 4.11 Domestic Violence (HealthAndDV.csv): a survivor's "when it occurred" and "currently
 * fleeing" only under "yes". Codes alone: no narrative about violence is ever kept here.
 */
export const healthAndDv: ElementSet = {
  key: 'healthAndDv',
  hudFile: 'HealthAndDV.csv',
  title: 'Health and domestic violence',
  // HUD collects it at project start and at updates (never at exit)
  stages: ['project_start', 'update', 'annual'],
  questions: [
    { name: 'domesticViolenceSurvivor', kind: { codes: NO_YES } },
    {
      // 1 within the past three months, 2 three to six months ago, 3 six months to a year, 4 more
      name: 'whenOccurred',
      kind: { codes: [1, 2, 3, 4, ...MISSING] },
      opensUnder: { question: 'domesticViolenceSurvivor', answers: [1] },
    },
    {
      name: 'currentlyFleeing',
      kind: { codes: NO_YES },
      opensUnder: { question: 'domesticViolenceSurvivor', answers: [1] },
    },
  ],
};
