import { z } from 'zod';
import type { FieldError } from '@hearth/http';

/** A slug a question or an answer is known by in exports (HUD AssessmentQuestions). */
const slug = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, 'Lower-case letters, digits and _, starting with a letter');
const label = z.string().trim().min(1).max(300);

export const answerOption = z.strictObject({
  value: slug,
  label,
  points: z.number().int().min(-100).max(100),
});
export const question = z.strictObject({
  id: slug,
  label,
  options: z.array(answerOption).min(1).max(20),
});

/** A questionnaire as data: question ids and option values are unique, so an answer names one. */
export const questions = z
  .array(question)
  .min(1)
  .max(100)
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    qs.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'Used twice' });
      seen.add(q.id);
      const values = new Set<string>();
      q.options.forEach((o, j) => {
        if (values.has(o.value))
          ctx.addIssue({ code: 'custom', path: [i, 'options', j, 'value'], message: 'Used twice' });
        values.add(o.value);
      });
    });
  });
export type Question = z.infer<typeof question>;

export const givenAnswer = z.strictObject({ questionId: slug, value: slug });
export type GivenAnswer = z.infer<typeof givenAnswer>;

/** An answer as kept: what was asked and answered, worth how much, whatever the next version says. */
export interface ScoredAnswer {
  questionId: string;
  questionLabel: string;
  value: string;
  valueLabel: string;
  points: number;
}

/**
 * Scores answers against the definition they answer: each question answered once, each value one
 * of its question's options. The score is the sum of the chosen options' points.
 */
export function scoreAssessment(
  definition: readonly Question[],
  answers: readonly GivenAnswer[],
): { problems: FieldError[] } | { score: number; answers: ScoredAnswer[] } {
  const problems: FieldError[] = [];
  const byId = new Map(definition.map((q) => [q.id, q]));
  const answered = new Set<string>();
  const scored: ScoredAnswer[] = [];
  answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    if (!q) return problems.push({ field: `answers.${i}.questionId`, message: 'No such question' });
    if (answered.has(a.questionId))
      return problems.push({ field: `answers.${i}.questionId`, message: 'Answered twice' });
    answered.add(a.questionId);
    const option = q.options.find((o) => o.value === a.value);
    if (!option)
      return problems.push({
        field: `answers.${i}.value`,
        message: `Not an option of ${q.id}: ${q.options.map((o) => o.value).join(', ')}`,
      });
    scored.push({
      questionId: q.id,
      questionLabel: q.label,
      value: option.value,
      valueLabel: option.label,
      points: option.points,
    });
  });
  for (const q of definition)
    if (!answered.has(q.id)) problems.push({ field: 'answers', message: `${q.id} is unanswered` });
  if (problems.length) return { problems };
  return { score: scored.reduce((sum, a) => sum + a.points, 0), answers: scored };
}
