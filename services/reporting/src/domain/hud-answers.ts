import { HUD_FILES, type HudFile } from './hud-files';
import { hudDate, hudMoney, type CsvValue } from './hud-csv';

/**
 * Enrollment's HUD assessments carry HUD's codes already, each question named after its CSV column
 * in camelCase (`incomeFromAnySource` → IncomeFromAnySource, `earnedAmountCents` → EarnedAmount in
 * dollars). Which element sets fill which file, and how a stage is written (HUD 5.03).
 */
export const ELEMENT_SETS_OF: Partial<Record<HudFile, readonly string[]>> = {
  IncomeBenefits: ['incomeBenefits', 'nonCashBenefits', 'healthInsurance'],
  HealthAndDV: ['healthAndDv'],
  EmploymentEducation: ['employmentEducation'],
  Disabilities: ['disabilities'],
};

/**
 * HUD 4.05-4.10: Disabilities.csv has one record per DisabilityType (5 physical, 6 developmental,
 * 7 chronic health condition, 8 HIV/AIDS, 9 mental health disorder, 10 substance use disorder),
 * its answer in DisabilityResponse and the long-term answer in IndefiniteAndImpairs.
 */
export const DISABILITY_TYPES: Record<string, number> = {
  physicalDisability: 5,
  developmentalDisability: 6,
  chronicHealthCondition: 7,
  hivAids: 8,
  mentalHealthDisorder: 9,
  substanceUseDisorder: 10,
};
export const ASSESSMENT_FILES = Object.keys(ELEMENT_SETS_OF) as HudFile[];

export const DATA_COLLECTION_STAGE: Record<string, number> = {
  project_start: 1,
  update: 2,
  exit: 3,
  annual: 5,
  post_exit: 6,
};

type Answers = Record<string, number | string | null>;

/** The columns of `file` these answers fill; a question without a column of that file is left out. */
const columnsByLowerName = new Map<HudFile, Map<string, string>>();

export function answerColumns(file: HudFile, answers: Answers): Record<string, CsvValue> {
  let columns = columnsByLowerName.get(file);
  if (!columns) {
    columns = new Map<string, string>(HUD_FILES[file].map((c) => [c.toLowerCase(), c]));
    columnsByLowerName.set(file, columns);
  }
  const out: Record<string, CsvValue> = {};
  for (const [question, value] of Object.entries(answers)) {
    const cents = question.endsWith('Cents');
    const column = columns.get((cents ? question.slice(0, -5) : question).toLowerCase());
    if (!column || value === null) continue;
    out[column] = typeof value === 'string' ? hudDate(value) : cents ? hudMoney(value) : value;
  }
  return out;
}
