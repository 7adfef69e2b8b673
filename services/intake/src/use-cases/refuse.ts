import { Problem, badRequest, conflict, notFound } from '@hearth/http';
import type { Refusal } from '../domain/refusal';

/** A rule's refusal as the problem the API answers (400, 409 or 404). */
export function problemOf(refusal: Refusal): Problem {
  if (refusal.kind === 'not_found') return notFound(refusal.what);
  return refusal.kind === 'invalid'
    ? badRequest(refusal.detail, refusal.errors)
    : conflict(refusal.detail, refusal.errors);
}

/** Stop with the rule's refusal. */
export function refuse(refusal: Refusal): never {
  throw problemOf(refusal);
}

/** Go on only when the rule found nothing to refuse. */
export function refuseIf(refusal: Refusal | undefined): void {
  if (refusal) refuse(refusal);
}
