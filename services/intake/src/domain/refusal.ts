import type { FieldError } from '@hearth/http';

/**
 * Why a rule refuses what was asked, in the rule's terms: invalid input, a conflict with the
 * records as they are, or something that is not there. Rules stay pure and return one; the use
 * case or route answers it as a problem (use-cases/refuse.ts).
 */
export type Refusal =
  | { kind: 'invalid' | 'conflict'; detail: string; errors?: FieldError[] }
  | { kind: 'not_found'; what: string };

export const invalid = (detail: string, errors?: FieldError[]): Refusal => ({
  kind: 'invalid',
  detail,
  errors,
});
export const conflicting = (detail: string, errors?: FieldError[]): Refusal => ({
  kind: 'conflict',
  detail,
  errors,
});
export const absent = (what: string): Refusal => ({ kind: 'not_found', what });
