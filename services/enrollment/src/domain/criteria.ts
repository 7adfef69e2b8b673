import { z } from 'zod';
import { choiceFacts, numericFacts, type FactName } from './facts';
import { dollars, labelOf, orList, valueLabelOf } from './labels';

/**
 * Eligibility criteria are data a program carries, not code: each names a fact and a test. An
 * optional `reason` replaces the generated wording (e.g. the grant's own phrasing).
 */
const reason = z.string().trim().min(1).max(300).optional();

export const numericCriterion = z.strictObject({
  fact: z.enum(numericFacts),
  op: z.enum(['at_least', 'at_most', 'below', 'above']),
  value: z.number().finite(),
  reason,
});
export const choiceCriterion = z.strictObject({
  fact: z.enum(choiceFacts),
  op: z.literal('one_of'),
  values: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
  reason,
});
export const criterion = z.discriminatedUnion('op', [numericCriterion, choiceCriterion]);
export const eligibilityCriteria = z.array(criterion).max(30);
export type Criterion = z.infer<typeof criterion>;

const OP_WORDS = { at_least: 'at least', at_most: 'at most', below: 'under', above: 'over' };

const formatNumber = (fact: FactName, value: number) =>
  fact.endsWith('Cents') ? dollars(value) : String(value);

/** Facts that hold a list: the criterion is met when any listed value is among them. */
const LIST_FACTS: ReadonlySet<FactName> = new Set(['employmentCharacteristics']);

/** Why a person does not meet the criterion, in a case worker's words. */
export function unmetReason(c: Criterion): string {
  if (c.reason) return c.reason;
  if (c.op === 'one_of') {
    const verb = LIST_FACTS.has(c.fact) ? 'include' : 'be';
    return `${labelOf(c.fact)} must ${verb} ${orList(c.values.map(valueLabelOf))}`;
  }
  return `${labelOf(c.fact)} must be ${OP_WORDS[c.op]} ${formatNumber(c.fact, c.value)}`;
}

/** Why the criterion cannot be judged yet. */
export const unknownReason = (c: Criterion): string =>
  `${labelOf(c.fact)} is not recorded, so "${unmetReason(c)}" cannot be checked`;
