import { unknownReason, unmetReason, type Criterion } from './criteria';
import type { FactName, Facts } from './facts';

export type EligibilityStatus = 'eligible' | 'ineligible' | 'unknown';
export type CriterionOutcome = 'met' | 'not_met' | 'unknown';

export interface EligibilityReason {
  fact: FactName;
  outcome: Exclude<CriterionOutcome, 'met'>;
  message: string;
}

export interface Eligibility {
  status: EligibilityStatus;
  /** Every criterion not met and every one that cannot be judged; empty when eligible. */
  reasons: EligibilityReason[];
}

function outcomeOf(c: Criterion, facts: Facts): CriterionOutcome {
  const value = facts[c.fact];
  if (value === null || value === undefined) return 'unknown';
  if (c.op === 'one_of') {
    const held: readonly unknown[] = Array.isArray(value) ? value : [value];
    return held.some((v) => typeof v === 'string' && c.values.includes(v)) ? 'met' : 'not_met';
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'unknown';
  switch (c.op) {
    case 'at_least':
      return value >= c.value ? 'met' : 'not_met';
    case 'at_most':
      return value <= c.value ? 'met' : 'not_met';
    case 'below':
      return value < c.value ? 'met' : 'not_met';
    case 'above':
      return value > c.value ? 'met' : 'not_met';
  }
}

/**
 * The one rule evaluator: ineligible when any criterion is not met (a missing fact cannot rescue
 * a failed one), unknown when none fails but some cannot be judged, otherwise eligible. A program
 * without criteria is open to everyone.
 */
export function evaluateEligibility(criteria: readonly Criterion[], facts: Facts): Eligibility {
  const reasons: EligibilityReason[] = [];
  for (const c of criteria) {
    const outcome = outcomeOf(c, facts);
    if (outcome === 'not_met') reasons.push({ fact: c.fact, outcome, message: unmetReason(c) });
    if (outcome === 'unknown') reasons.push({ fact: c.fact, outcome, message: unknownReason(c) });
  }
  const status: EligibilityStatus = reasons.some((r) => r.outcome === 'not_met')
    ? 'ineligible'
    : reasons.length > 0
      ? 'unknown'
      : 'eligible';
  return { status, reasons };
}
