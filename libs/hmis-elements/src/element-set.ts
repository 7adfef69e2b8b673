import { z } from 'zod';
import { isoDate, type FieldError } from '@hearth/http';

/** HUD's data collection stages (DataCollectionStage 1, 2, 5, 3, 6). */
export const STAGES = ['project_start', 'update', 'annual', 'exit', 'post_exit'] as const;
export type Stage = (typeof STAGES)[number];

/** HUD's "client doesn't know", "client prefers not to answer", "data not collected". */
export const MISSING = [8, 9, 99] as const;
/** HUD's No/Yes list (1.8): 0 No, 1 Yes, with the three missing-data answers. */
export const NO_YES = [0, 1, ...MISSING] as const;
/** A source under "from any source: yes" is answered 0 No or 1 Yes (HUD's 1.7). */
export const NO_YES_ONLY = [0, 1] as const;

/** What an answer is: a code from HUD's list, an amount in cents, a date, or short text. */
export type AnswerKind =
  { codes: readonly number[] } | { cents: true } | { date: true } | { text: number };

export interface Question {
  /** camelCase, HUD's column name where it has one (EarnedAmount → earnedAmountCents) */
  name: string;
  kind: AnswerKind;
  /** A detail: asked (and required) only when `question` was answered one of `answers`. */
  opensUnder?: { question: string; answers: readonly number[] };
  /** A detail HUD opens on several answers at once (3.917's branches): asked when `test` holds. */
  opensWhen?: { test: (answers: GivenAnswers) => boolean; description: string };
  /** Asked but not required (a top-level question HUD leaves to the situation). */
  optional?: boolean;
  /** Left out while open, it takes this answer (a source not named under "any source: yes" is a no). */
  absentMeans?: number;
}

export interface ElementSet {
  /** the key of its answers in an assessment (`incomeBenefits`) */
  key: string;
  /** HUD's CSV file the export writes it to */
  hudFile: string;
  title: string;
  /** the stages HUD collects it at; another stage refuses it */
  stages: readonly Stage[];
  questions: readonly Question[];
  /** answers computed from the others, never typed (total monthly income) */
  derive?: (answers: Answers) => Answers;
  /** rules across questions, each naming the question at fault */
  check?: (answers: GivenAnswers) => Array<{ question: string; message: string }>;
}

export type Answer = number | string | null;
export type Answers = Record<string, Answer>;
/** Answers as a request gives them: a question left out is undefined. */
export type GivenAnswers = Record<string, Answer | undefined>;

const answerSchema = (kind: AnswerKind): z.ZodType<Answer> => {
  if ('codes' in kind) return z.literal(kind.codes as [number, ...number[]]);
  if ('cents' in kind) return z.number().int().min(0).max(100_000_000); // $1M a month at most
  if ('date' in kind) return isoDate();
  return z.string().min(1).max(kind.text);
};

/** The zod schema of a set's answers, generated from its lists so the OpenAPI shows each code. */
export function schemaOf(set: ElementSet) {
  const shape = Object.fromEntries(
    set.questions.map((q) => {
      const described = answerSchema(q.kind).describe(
        conditionOf(q)
          ? `Only when ${conditionOf(q)}` +
              (q.absentMeans === undefined ? '' : `; left out, ${q.absentMeans}`)
          : q.optional
            ? 'Optional'
            : 'Required',
      );
      return [q.name, described.optional()];
    }),
  );
  return z.strictObject(shape).describe(`${set.title} (HUD ${set.hudFile})`);
}

/**
 * A detail is answered exactly when its question opens it: missing under its "yes" is as wrong
 * as present without it (HUD's dependent questions). Problems name the element's path.
 */
export function answerProblems(set: ElementSet, answers: GivenAnswers, path: string): FieldError[] {
  const problems: FieldError[] = [];
  for (const q of set.questions) {
    const given = answers[q.name] !== undefined && answers[q.name] !== null;
    const field = `${path}.${q.name}`;
    const open = isOpen(set, answers, q);
    if (open && !given && !q.optional && q.absentMeans === undefined)
      problems.push({
        field,
        message: conditionOf(q)
          ? `Required when ${conditionOf(q)}`
          : 'Required (answer 8, 9 or 99 when it is not known)',
      });
    if (!open && given)
      problems.push({
        field,
        message: `Only answered when ${conditionOf(q)}`,
      });
  }
  if (problems.length) return problems;
  return (set.check?.(answers) ?? []).map((p) => ({
    field: `${path}.${p.question}`,
    message: p.message,
  }));
}

/** When a detail is asked, in words ("domesticViolenceSurvivor is 1"); none for a question. */
const conditionOf = (q: Question): string | undefined =>
  q.opensWhen?.description ??
  (q.opensUnder && `${q.opensUnder.question} is ${q.opensUnder.answers.join(' or ')}`);

/** Is the question asked, given the answers to the questions it hangs under? */
function isOpen(set: ElementSet, answers: GivenAnswers, q: Question): boolean {
  if (q.opensWhen) return q.opensWhen.test(answers);
  if (!q.opensUnder) return true;
  const parent = set.questions.find((p) => p.name === q.opensUnder!.question)!;
  const value = answers[parent.name];
  return (
    isOpen(set, answers, parent) &&
    typeof value === 'number' &&
    q.opensUnder.answers.includes(value)
  );
}

/** "From any source: yes" names at least one source answered yes (HUD's 4.02-4.04). */
export const someSourceNamed =
  (anySource: string, sources: readonly string[]) => (answers: GivenAnswers) =>
    answers[anySource] === 1 && !sources.some((s) => answers[s] === 1)
      ? [{ question: anySource, message: 'Yes names at least one source answered 1' }]
      : [];

/** The answers as stored: every question answered or null, and the computed ones added. */
export function completeAnswers(set: ElementSet, answers: GivenAnswers): Answers {
  const complete: Answers = Object.fromEntries(
    set.questions.map((q) => [
      q.name,
      answers[q.name] ??
        (q.absentMeans !== undefined && isOpen(set, answers, q) ? q.absentMeans : null),
    ]),
  );
  return { ...complete, ...set.derive?.(complete) };
}

/** The coded answers alone (no free text), as events carry them. */
export function codedAnswers(set: ElementSet, answers: Answers): Answers {
  const text = new Set(set.questions.filter((q) => 'text' in q.kind).map((q) => q.name));
  return Object.fromEntries(Object.entries(answers).filter(([name]) => !text.has(name)));
}
