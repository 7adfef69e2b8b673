import { z } from 'zod';
import { Problem } from '@hearth/http';
import {
  defineWorkflowType,
  stepSaveRefusal,
  transition,
  typeRegistry,
  validateStep,
  workflowActions,
  workflowStatuses,
  type WorkflowAction,
  type WorkflowStatus,
} from '../src';

/** A small workflow type of the tests' own: the mechanism is tested apart from any service's types. */
const homeVisit = defineWorkflowType({
  type: 'home_visit',
  steps: {
    schedule: z.strictObject({ on: z.string() }),
    visitors: z.strictObject({ people: z.array(z.strictObject({ participantId: z.uuid() })) }),
  },
});

describe('the workflow state machine', () => {
  // Every status × action pair, so a change to the table cannot slip through unnoticed.
  const allowed: Record<WorkflowStatus, Partial<Record<WorkflowAction, WorkflowStatus>>> = {
    in_progress: { pause: 'paused', cancel: 'cancelled', finish: 'finished' },
    paused: { resume: 'in_progress', cancel: 'cancelled' },
    cancelled: {},
    finished: {},
  };
  const pairs = workflowStatuses.flatMap((s) => workflowActions.map((a) => [s, a] as const));

  it.each(pairs)(
    'from %s, the %s action goes where the table says or is refused naming the status',
    (status, action) => {
      const expected = allowed[status][action];
      const outcome = transition(status, action);
      if (expected) expect(outcome).toEqual({ ok: true, to: expected });
      else {
        expect(outcome.ok).toBe(false);
        // the refusal names the current status, so the 409 tells the user where the draft stands
        expect(!outcome.ok && outcome.reason).toContain(status.replace('_', ' '));
      }
    },
  );

  it('tells the user to resume a paused workflow before finishing it', () => {
    expect(transition('paused', 'finish')).toEqual({
      ok: false,
      reason: 'The workflow is paused; it cannot be finished — resume it first.',
    });
    expect(transition('finished', 'cancel')).toEqual({
      ok: false,
      reason: 'The workflow is finished; it cannot be cancelled — start a new workflow instead.',
    });
  });

  it('saves steps only while in progress; a paused one must be resumed first', () => {
    expect(stepSaveRefusal('in_progress')).toBeUndefined();
    expect(stepSaveRefusal('paused')).toContain('resume it first');
    expect(stepSaveRefusal('cancelled')).toContain('cancelled');
    expect(stepSaveRefusal('finished')).toContain('finished');
  });
});

describe('step validation', () => {
  const fieldsOf = (fn: () => unknown): string[] => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(Problem);
      expect((err as Problem).status).toBe(400);
      return ((err as Problem).errors ?? []).map((e) => e.field);
    }
    throw new Error('expected a 400 problem');
  };

  it('names an unknown step as the field `step`', () => {
    expect(fieldsOf(() => validateStep(homeVisit, 'payment', {}))).toEqual(['step']);
    // an inherited property name is not a step either
    expect(fieldsOf(() => validateStep(homeVisit, 'toString', {}))).toEqual(['step']);
  });

  it('prefixes invalid fields with the step', () => {
    expect(fieldsOf(() => validateStep(homeVisit, 'schedule', { on: 3 }))).toEqual(['schedule.on']);
    expect(
      fieldsOf(() => validateStep(homeVisit, 'visitors', { people: [{ participantId: 'x' }] })),
    ).toEqual(['visitors.people.0.participantId']);
    expect(fieldsOf(() => validateStep(homeVisit, 'schedule', { on: 'x', y: 1 }))).toEqual(
      expect.arrayContaining(['schedule.y']),
    );
  });
});

describe('workflow type registry', () => {
  it('takes types of words joined by - or _ (they are path segments), steps in snake_case', () => {
    expect(defineWorkflowType({ type: 'fssp-follow-up', steps: { a: z.object({}) } }).type).toBe(
      'fssp-follow-up',
    );
    expect(() => defineWorkflowType({ type: 'x', steps: { 'a-b': z.object({}) } })).toThrow();
  });

  it('refuses names that are not snake_case, empty types and duplicates', () => {
    expect(() => defineWorkflowType({ type: 'Intake', steps: { a: z.object({}) } })).toThrow();
    expect(() => defineWorkflowType({ type: 'intake', steps: {} })).toThrow();
    expect(() => defineWorkflowType({ type: 'x', steps: { 'Bad-Step': z.object({}) } })).toThrow();
    expect(() => typeRegistry([homeVisit, homeVisit])).toThrow(/twice/);
    expect(() => typeRegistry([])).toThrow();
  });
});
