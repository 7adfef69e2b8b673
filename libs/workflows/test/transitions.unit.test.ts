import { z } from 'zod';
import { Problem } from '@hearth/http';
import {
  defineWorkflowType,
  intakeAssessment,
  stepSaveRefusal,
  transition,
  typeRegistry,
  validateStep,
  workflowActions,
  workflowStatuses,
  type WorkflowAction,
  type WorkflowStatus,
} from '../src';

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

  it('accepts a partial intake form and returns the parsed data', () => {
    const data = { firstName: ' Amina ', birthDate: '1990-04-02', phones: [{ number: '555' }] };
    expect(validateStep(intakeAssessment, 'intake_form', data)).toEqual({
      ...data,
      firstName: 'Amina',
    });
  });

  it('names an unknown step as the field `step`', () => {
    expect(fieldsOf(() => validateStep(intakeAssessment, 'payment', {}))).toEqual(['step']);
    // an inherited property name is not a step either
    expect(fieldsOf(() => validateStep(intakeAssessment, 'toString', {}))).toEqual(['step']);
  });

  it('prefixes invalid fields with the step', () => {
    expect(
      fieldsOf(() => validateStep(intakeAssessment, 'intake_form', { birthDate: '1990-02-30' })),
    ).toEqual(['intake_form.birthDate']);
    expect(
      fieldsOf(() =>
        validateStep(intakeAssessment, 'family_members', { members: [{ participantId: 'x' }] }),
      ),
    ).toEqual(['family_members.members.0.participantId']);
    expect(
      fieldsOf(() => validateStep(intakeAssessment, 'choose_participant', { choice: 'x', y: 1 })),
    ).toEqual(expect.arrayContaining(['choose_participant.choice', 'choose_participant.y']));
  });

  it('never keeps a full SSN in a draft', () => {
    expect(
      fieldsOf(() => validateStep(intakeAssessment, 'intake_form', { ssn: '123-45-6789' })),
    ).toEqual(['intake_form.ssn']);
  });

  it('refuses an intake form key its schema does not name, so a full SSN cannot hide under another key', () => {
    expect(
      fieldsOf(() =>
        validateStep(intakeAssessment, 'intake_form', { socialSecurity: '123-45-6789' }),
      ),
    ).toEqual(['intake_form.socialSecurity']);
    expect(
      fieldsOf(() =>
        validateStep(intakeAssessment, 'intake_form', {
          demographics: { notes: '123-45-6789' },
        }),
      ),
    ).toEqual(['intake_form.demographics.notes']);
  });

  it('bounds what a draft may hold', () => {
    const members = Array.from({ length: 31 }, () => ({ firstName: 'A' }));
    expect(fieldsOf(() => validateStep(intakeAssessment, 'family_members', { members }))).toEqual([
      'family_members.members',
    ]);
  });
});

describe('workflow type registry', () => {
  it('refuses names that are not snake_case, empty types and duplicates', () => {
    expect(() => defineWorkflowType({ type: 'Intake', steps: { a: z.object({}) } })).toThrow();
    expect(() => defineWorkflowType({ type: 'intake', steps: {} })).toThrow();
    expect(() => defineWorkflowType({ type: 'x', steps: { 'Bad-Step': z.object({}) } })).toThrow();
    expect(() => typeRegistry([intakeAssessment, intakeAssessment])).toThrow(/twice/);
    expect(() => typeRegistry([])).toThrow();
  });
});
