import { z } from 'zod';
import { isoDate } from '@hearth/http';
import { defineWorkflowType } from './registry';

/*
 * A draft keeps what the worker has entered so far, so every field is optional: the full rules
 * (required fields, duplicate search, eligibility) apply when the participant or enrollment is
 * really saved. Drafts are still hostile input stored as-is, so every string, list and map is
 * bounded, and the request body limit bounds the whole.
 */
const text = (max: number) => z.string().trim().max(max);
const uuid = () => z.string().uuid();
const MAX_FORM_FIELDS = 60;

const person = {
  firstName: text(100).optional(),
  middleName: text(100).nullable().optional(),
  lastName: text(100).optional(),
  birthDate: isoDate().optional(),
  sex: text(20).optional(),
};

const chooseParticipant = z.strictObject({
  /** new (after the duplicate search), the participant in focus, or another existing one. */
  choice: z.enum(['new', 'current', 'another']),
  participantId: uuid().optional(),
  search: z
    .strictObject({
      ...person,
      alienNumber: text(20).optional(),
      ssnLast4: z
        .string()
        .regex(/^\d{4}$/, 'Four digits')
        .optional(),
    })
    .optional(),
  confirmedNew: z.boolean().optional(),
});

/**
 * The participant fields as partial. The core ones are typed; the rest of the form (phones,
 * addresses, demographics, ...) is kept as bounded JSON so the draft does not duplicate intake's
 * participant schema. A full SSN never sits in a draft: intake stores it encrypted only.
 */
const intakeForm = z
  .object({
    ...person,
    ssn: z
      .never({ error: 'A draft keeps no full SSN; save ssnLast4 or ssnRefused instead' })
      .optional(),
    ssnLast4: z
      .string()
      .regex(/^\d{4}$/, 'Four digits')
      .optional(),
    ssnRefused: z.boolean().optional(),
    email: z.string().email().max(200).optional(),
  })
  .catchall(z.json())
  .refine((form) => Object.keys(form).length <= MAX_FORM_FIELDS, {
    error: `At most ${MAX_FORM_FIELDS} fields`,
  });

const familyMembers = z.strictObject({
  familyId: uuid().optional(),
  members: z
    .array(
      z.strictObject({
        participantId: uuid().optional(),
        ...person,
        relationshipToHead: text(50).optional(),
        isHead: z.boolean().optional(),
      }),
    )
    .max(30),
});

const eligibilityEnrollment = z.strictObject({
  enrollments: z
    .array(
      z.strictObject({
        programId: uuid(),
        applicationDate: isoDate().optional(),
        headOfEnrollmentId: uuid().optional(),
        memberIds: z.array(uuid()).max(30).optional(),
      }),
    )
    .max(20),
  hideProgramsWithoutCriteria: z.boolean().optional(),
});

/** Intake & Assessment (DOMAIN.md, Workflows), step by step in the order the worker sees them. */
export const intakeAssessment = defineWorkflowType({
  type: 'intake_assessment',
  steps: {
    choose_participant: chooseParticipant,
    intake_form: intakeForm,
    family_members: familyMembers,
    eligibility_enrollment: eligibilityEnrollment,
  },
});

export const INTAKE_WORKFLOW_TYPES = [intakeAssessment] as const;
