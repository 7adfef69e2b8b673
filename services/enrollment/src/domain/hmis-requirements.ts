import { z } from 'zod';
import type { FieldError } from '@hearth/http';
import { ELEMENT_SET_KEYS, STAGES, type ElementsBody, type Stage } from './hmis-elements';

/** The element sets a program requires at each stage; a stage left out requires none. */
export type StageRequirements = Partial<Record<Stage, string[]>>;

export const stageRequirements = z.strictObject(
  Object.fromEntries(
    STAGES.map((stage) => [
      stage,
      z.array(z.enum(ELEMENT_SET_KEYS)).max(ELEMENT_SET_KEYS.length).optional(),
    ]),
  ) as Record<Stage, z.ZodOptional<z.ZodArray<z.ZodEnum<Record<string, string>>>>>,
);

// HUD's program-specific elements every federal partner collects (Data Standards 4.02-4.04)
const incomeAndInsurance = ['incomeBenefits', 'nonCashBenefits', 'healthInsurance'];
const hudProjectStart = [
  ...incomeAndInsurance,
  'disabilities',
  'healthAndDv',
  'priorLivingSituation',
];
const hudDefaults: StageRequirements = {
  project_start: hudProjectStart,
  update: incomeAndInsurance,
  annual: incomeAndInsurance,
  exit: [...incomeAndInsurance, 'disabilities'],
};

/**
 * HUD's defaults per funding source, as presets a supervisor starts from: CoC and ESG collect the
 * federal partners' elements; RHY adds employment and education at entry and exit; street
 * outreach records each contact's current living situation as an update.
 */
export const PRESETS = {
  hud_coc: hudDefaults,
  hud_esg: hudDefaults,
  hud_rhy: {
    ...hudDefaults,
    project_start: [...hudProjectStart, 'employmentEducation'],
    exit: [...incomeAndInsurance, 'disabilities', 'employmentEducation'],
  },
  hud_esg_street_outreach: {
    ...hudDefaults,
    update: [...incomeAndInsurance, 'currentLivingSituation'],
  },
} satisfies Record<string, StageRequirements>;
export type Preset = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as [Preset, ...Preset[]];

/** The program requires an exit assessment of each member when it requires any set at exit. */
export const requiresExitAssessment = (stages: StageRequirements) => (stages.exit ?? []).length > 0;

/** The sets this stage requires that the assessment did not answer, each named. */
export function missingRequiredSets(
  stages: StageRequirements,
  stage: Stage,
  elements: ElementsBody,
): FieldError[] {
  return (stages[stage] ?? [])
    .filter((key) => !elements[key])
    .map((key) => ({ field: `elements.${key}`, message: `The program requires it at ${stage}` }));
}
