import type { z } from 'zod';
import { Problem, fieldErrors, unprocessable } from '@hearth/http';

/** Which step of a workflow holds each top-level field of the body its use case takes. */
export type StepOfField = Readonly<Record<string, string>>;

const onStep = (stepOf: StepOfField, field: string) => {
  const step = stepOf[field.split(/[.[]/)[0]];
  return step ? `${step}.${field}` : field;
};

/**
 * The body a finished workflow hands its use case, parsed by the very schema of the direct route;
 * a missing or invalid field is named on the step that holds it (422: the steps were each fine
 * as drafts, together they are not a request).
 */
export function bodyFromSteps<S extends z.ZodType>(
  schema: S,
  input: unknown,
  stepOf: StepOfField,
): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = fieldErrors(parsed.error).map((e) => ({ ...e, field: onStep(stepOf, e.field) }));
  throw unprocessable(
    'The workflow cannot be finished: a step is missing or breaks a rule.',
    errors,
  );
}

/** The use case's refusal, its fields named on the steps that hold them. */
export function onSteps(stepOf: StepOfField) {
  return (err: unknown): never => {
    if (!(err instanceof Problem) || !err.errors) throw err;
    const errors = err.errors.map((e) => ({ ...e, field: onStep(stepOf, e.field) }));
    throw new Problem(err.status, err.title, err.detail, errors, err.extra);
  };
}
