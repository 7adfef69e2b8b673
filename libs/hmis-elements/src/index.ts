import { z } from 'zod';
import type { FieldError } from '@hearth/http';
import { disabilities } from './disabilities';
import {
  answerProblems,
  codedAnswers,
  completeAnswers,
  schemaOf,
  type Answer,
  type Answers,
  type ElementSet,
  type GivenAnswers,
  type Stage,
} from './element-set';
import { employmentEducation } from './employment-education';
import { healthAndDv } from './health-and-dv';
import { healthInsurance } from './health-insurance';
import { incomeBenefits } from './income-benefits';
import { currentLivingSituation, priorLivingSituation } from './living-situation';
import { nonCashBenefits } from './non-cash-benefits';

export { STAGES, type Answers, type Stage } from './element-set';

/** HUD's element sets an assessment may answer, one module each. */
export const ELEMENT_SETS: readonly ElementSet[] = [
  incomeBenefits,
  nonCashBenefits,
  healthInsurance,
  disabilities,
  healthAndDv,
  employmentEducation,
  currentLivingSituation,
  priorLivingSituation,
];
export const ELEMENT_SET_KEYS = ELEMENT_SETS.map((s) => s.key) as [string, ...string[]];
const byKey = new Map(ELEMENT_SETS.map((s) => [s.key, s]));

/**
 * Answers keyed by element set, each answer in HUD's lists, as a draft may hold them (none yet,
 * a "yes" still without its details); elementProblems judges them whole.
 */
export const elementsDraft = z.strictObject(
  Object.fromEntries(ELEMENT_SETS.map((s) => [s.key, schemaOf(s).optional()])),
);
/** An assessment's answers, keyed by element set; the schema is generated from HUD's lists. */
export const elementsBody = elementsDraft.refine(
  (e) => Object.values(e).some((v) => v !== undefined),
  'Answer at least one element set',
);
export type ElementsBody = Record<string, GivenAnswers | undefined>;

/** What is wrong with the answers at this stage: a set HUD does not collect then, a detail. */
export function elementProblems(stage: Stage, elements: ElementsBody): FieldError[] {
  return Object.entries(elements).flatMap(([key, answers]) => {
    if (!answers) return [];
    const set = byKey.get(key)!;
    if (!set.stages.includes(stage))
      return [{ field: `elements.${key}`, message: `Not collected at ${stage}` }];
    return answerProblems(set, answers, `elements.${key}`);
  });
}

/** The answers as stored and shown: every question of each set answered, computed ones added. */
export function completeElements(elements: ElementsBody): Record<string, Answers> {
  return Object.fromEntries(
    Object.entries(elements)
      .filter((entry): entry is [string, GivenAnswers] => entry[1] !== undefined)
      .map(([key, answers]) => [key, completeAnswers(byKey.get(key)!, answers)]),
  );
}

/** Coded answers only (events carry no free text). */
export function codedElements(elements: Record<string, Answers>): Record<string, Answers> {
  return Object.fromEntries(
    Object.entries(elements).map(([key, answers]) => [key, codedAnswers(byKey.get(key)!, answers)]),
  );
}

/** The total monthly income of an assessment that answered income, in cents. */
export const totalMonthlyIncomeCents = (elements: Record<string, Answers>): number | null =>
  (elements.incomeBenefits?.totalMonthlyIncomeCents as number | null | undefined) ?? null;

/** The paths of the free-text answers given (`currentLivingSituation.locationDetails`). */
export function freeTextAnswers(elements: ElementsBody): string[] {
  return Object.entries(elements).flatMap(([key, answers]) =>
    (byKey.get(key)?.questions ?? [])
      .filter((q) => 'text' in q.kind && answers?.[q.name] != null)
      .map((q) => `${key}.${q.name}`),
  );
}

/** The answers given, as plain data (a set or question left out is absent, not undefined). */
export function answeredElements(elements: ElementsBody): Record<string, Answers> {
  return Object.fromEntries(
    Object.entries(elements)
      .filter((entry): entry is [string, GivenAnswers] => entry[1] !== undefined)
      .map(([key, answers]) => [
        key,
        Object.fromEntries(
          Object.entries(answers).filter(
            (entry): entry is [string, Answer] => entry[1] !== undefined,
          ),
        ),
      ]),
  );
}
