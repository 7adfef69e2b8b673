import { z } from 'zod';
import { cursorCodec, isoDate, pageQuery, uuid } from '@hearth/http';
import { registrationAnswers, registrationChanges } from '../domain/registration-answers';

const memberRequest = z.strictObject({
  participantId: uuid(),
  overrideReason: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe('Why an ineligible member is included anyway; required for one'),
});
export { memberRequest };

export const newEnrollment = z.strictObject({
  programId: uuid(),
  headParticipantId: uuid(),
  applicationDate: isoDate(),
  registration: registrationAnswers.default({}),
  members: z.array(memberRequest).max(20).default([]),
});

export const enrollmentChanges = z.strictObject({
  version: z.number().int().positive().describe('The version you read; a stale one is refused'),
  applicationDate: isoDate().optional(),
  registration: registrationChanges.optional(),
});

export const enrollmentQuery = z.strictObject({ participantId: uuid(), ...pageQuery });

export const enrollmentView = z
  .object({ id: z.string(), status: z.string(), version: z.number() })
  .passthrough();
export const enrollmentSummary = z
  .object({ id: z.string(), programId: z.string(), status: z.string() })
  .passthrough();

/** Keyset cursor: the last item's application date and id, opaque to clients. */
export const enrollmentCursor = cursorCodec(
  z.strictObject({ applicationDate: isoDate(), id: uuid() }),
);
export const positionOf = (e: { applicationDate: string; id: string }) => ({
  applicationDate: e.applicationDate,
  id: e.id,
});
