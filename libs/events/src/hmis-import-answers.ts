import { z } from 'zod';
import { defineEvent, eventDate } from './envelope';
import { hudId } from './hmis-import';

/**
 * What the owning services made of an HMIS import's rows (issue 17), each answer published in the
 * transaction that settles its row: reporting counts them in the import's report, and services
 * records an imported enrollment's services on what it became. The envelope is the importer's.
 */

/**
 * v1 of what an imported enrollment became, for services only: superseded by the settled event's
 * v2, which says it to every reader. Still parsed, so what an outbox holds of it is read.
 */
export const HmisEnrollmentRecorded = defineEvent(
  'enrollment.hmis-enrollment.recorded',
  1,
  z.strictObject({
    importId: z.string().uuid(),
    exportId: hudId,
    enrollmentId: hudId,
    personalId: hudId,
    recordedAs: z.string().uuid(),
    programId: z.string().uuid(),
    participantId: z.string().uuid(),
    exitDate: eventDate.nullable(),
  }),
);

/** v1 of the settled event: no program, participant nor exit. Still parsed (outboxes). */
export const HmisEnrollmentSettledV1 = defineEvent(
  'enrollment.hmis-enrollment.settled',
  1,
  z.strictObject({
    importId: z.string().uuid(),
    exportId: hudId,
    enrollmentId: hudId,
    outcome: z.enum(['recorded', 'refused']),
    recordedAs: z.string().uuid().nullable(),
    reason: z.string().max(1000).nullable(),
  }),
);

const settledOf = {
  importId: z.string().uuid(),
  exportId: hudId,
  enrollmentId: hudId,
  personalId: hudId,
};
/**
 * What enrollment made of an imported enrollment, once settled, published in the transaction
 * that settles it: `recorded` as our enrollment (a household member: the head's it joined), with
 * its program, the row's participant and the exit recorded with it (null: open), so the import's
 * services are recorded on it once services' read model shows that exit; or `refused` with the
 * reason a person reads in the import's report (its services are refused too). Sent once per
 * ExportID + EnrollmentID; the envelope is the importer's.
 */
export const HmisEnrollmentSettled = defineEvent(
  'enrollment.hmis-enrollment.settled',
  2,
  z.discriminatedUnion('outcome', [
    z.strictObject({
      ...settledOf,
      outcome: z.literal('recorded'),
      recordedAs: z.string().uuid(),
      programId: z.string().uuid(),
      participantId: z.string().uuid(),
      exitDate: eventDate.nullable(),
    }),
    z.strictObject({
      ...settledOf,
      outcome: z.literal('refused'),
      reason: z.string().min(1).max(1000),
    }),
  ]),
);
export type HmisEnrollmentOutcome = z.infer<typeof HmisEnrollmentSettled.data>;

/**
 * What services made of an imported service (Services.csv), once settled: `recorded` as our
 * service, or `refused` with the reason (its enrollment's refusal, the gate, a rule). Sent once
 * per organization, ExportID and ServicesID, in the transaction that settles it.
 */
export const HmisServiceSettled = defineEvent(
  'services.hmis-service.settled',
  1,
  z.discriminatedUnion('outcome', [
    z.strictObject({
      importId: z.string().uuid(),
      exportId: hudId,
      servicesId: hudId,
      outcome: z.literal('recorded'),
      recordedAs: z.string().uuid(),
    }),
    z.strictObject({
      importId: z.string().uuid(),
      exportId: hudId,
      servicesId: hudId,
      outcome: z.literal('refused'),
      reason: z.string().min(1).max(1000),
    }),
  ]),
);
export type HmisServiceOutcome = z.infer<typeof HmisServiceSettled.data>;

/**
 * What enrollment made of a later import's exit (reporting.hmis-exit.imported), once: `recorded`
 * on what its enrollment became, `with_enrollment` (that enrollment was still pending: the exit is
 * recorded or refused with it, and its answer says so), or `refused` with the reason. By the
 * organization and ExitID; `importId` is the later import's.
 */
export const HmisExitSettled = defineEvent(
  'enrollment.hmis-exit.settled',
  1,
  z.strictObject({
    importId: z.string().uuid(),
    exitId: hudId,
    outcome: z.enum(['recorded', 'with_enrollment', 'refused']),
    reason: z.string().min(1).max(1000).nullable(),
  }),
);

export const hmisImportAnswers = [
  HmisEnrollmentRecorded,
  HmisEnrollmentSettledV1,
  HmisEnrollmentSettled,
  HmisServiceSettled,
  HmisExitSettled,
] as const;
