import { z } from 'zod';
import { emailAddress, isoDate } from '@hearth/http';
import { defineWorkflowType } from '@hearth/workflows';
import { masterAssessmentStep } from './master-assessment';

/*
 * A draft keeps what the worker has entered so far, so every field is optional: the full rules
 * (required fields, duplicate search, eligibility) apply when the participant or enrollment is
 * really saved. Drafts are still hostile input stored as-is, so every string, list and map is
 * bounded, and the request body limit bounds the whole.
 */
const text = (max: number) => z.string().trim().max(max);
const uuid = () => z.string().uuid();

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

const code = (max: number) => z.string().trim().max(max);
const draftPhone = z.strictObject({ type: code(20).optional(), number: text(25).optional() });
const draftAddress = z.strictObject({
  type: code(20).optional(),
  line1: text(200).optional(),
  line2: text(200).optional(),
  city: text(100).optional(),
  state: code(2).optional(),
  postalCode: code(10).optional(),
  country: code(2).optional(),
});

/**
 * The participant fields as partial, every key named: a step's data is stored as-is, so a form
 * that took any key could carry a full SSN (or anything else) under a name nobody checks. The
 * values are loose (a draft is work in progress); intake's own schema judges them on save. A full
 * SSN never sits in a draft: intake stores it encrypted only.
 */
const intakeForm = z.strictObject({
  ...person,
  ssn: z
    .never({ error: 'A draft keeps no full SSN; save ssnLast4 or ssnRefused instead' })
    .optional(),
  ssnLast4: z
    .string()
    .regex(/^\d{4}$/, 'Four digits')
    .optional(),
  ssnRefused: z.boolean().optional(),
  alienNumber: code(20).nullable().optional(),
  email: emailAddress(200).nullable().optional(),
  phones: z.array(draftPhone).max(5).optional(),
  addresses: z.array(draftAddress).max(5).optional(),
  secondaryContact: z
    .strictObject({
      name: text(200).optional(),
      relationship: text(100).optional(),
      phone: text(25).optional(),
      email: emailAddress(200).optional(),
    })
    .nullable()
    .optional(),
  race: z.array(code(60)).max(9).optional(),
  ethnicity: code(40).nullable().optional(),
  primaryLanguage: text(60).nullable().optional(),
  immigration: z
    .strictObject({
      status: code(40).optional(),
      countryOfOrigin: code(2).optional(),
      usArrivalDate: isoDate().optional(),
    })
    .nullable()
    .optional(),
  demographics: z
    .strictObject({
      maritalStatus: code(20).optional(),
      veteranStatus: code(20).optional(),
      disablingCondition: code(20).optional(),
      educationLevel: text(100).optional(),
    })
    .nullable()
    .optional(),
  securityRestriction: z.enum(['restrict_to_org', 'share_mou', 'share_global']).optional(),
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
    assessment: masterAssessmentStep,
  },
  participantIds: {
    choose_participant: (d) => [d.participantId],
    family_members: (d) => d.members.map((m) => m.participantId),
    eligibility_enrollment: (d) =>
      d.enrollments.flatMap((e) => [e.headOfEnrollmentId, ...(e.memberIds ?? [])]),
    assessment: (d) => d.members.map((m) => m.participantId),
  },
});
