import { z } from 'zod';
import { defineEvent, eventDate } from './envelope';
import { exitReasons, housingStatusesAtExit } from './exit-values';
import { disablingConditions, raceValues, veteranStatuses } from './participant-values';

/**
 * An HMIS CSV import's clients on their way to intake (issue 17): reporting announces each Client
 * row an import brought in, intake matches it (link or take in) and answers with the participant.
 * The envelope's orgId and actor are the importer's.
 */

export const hudId = z.string().min(1).max(32);
const name = z.string().trim().min(1).max(100).nullable();

export const HmisClientImported = defineEvent(
  'reporting.hmis-client.imported',
  1,
  z.strictObject({
    importId: z.string().uuid(),
    /** Export.csv's ExportID and Client.csv's PersonalID: the row's identity in the sender's system. */
    exportId: hudId,
    personalId: hudId,
    /** The importer's roles when it imported: intake matches within what they let it see. */
    importerRoles: z.array(z.string().max(40)).max(20),
    firstName: name,
    middleName: name,
    lastName: name,
    birthDate: eventDate.nullable(),
    sex: z.enum(['female', 'male', 'unknown', 'refused']).nullable(),
    race: z.array(z.enum(raceValues)).max(9),
    veteranStatus: z.enum(veteranStatuses).nullable(),
    /**
     * Only whether the client refused the SSN (SSNDataQuality 9): intake keeps an SSN encrypted
     * and none of its events carries a digit of it, so neither does this one (it sits in
     * reporting's outbox and on the bus in clear).
     */
    ssnRefused: z.boolean(),
    /**
     * HUD's 3.08 answer (the answer only) from the client's imported enrollments, for intake's
     * new participant; absent when the sender collected none, and on events from before it.
     */
    disablingCondition: z.enum(disablingConditions).optional(),
  }),
);
export type HmisClient = z.infer<typeof HmisClientImported.data>;

/** What intake made of an imported client: a participant of the importer, maybe linked. */
export const HmisClientMatched = defineEvent(
  'intake.hmis-client.matched',
  1,
  z.strictObject({
    importId: z.string().uuid(),
    exportId: hudId,
    personalId: hudId,
    outcome: z.enum(['taken_in', 'linked', 'not_taken_in']),
    /** The participant the row became (null when not taken in: no name or birth date). */
    participantId: z.string().uuid().nullable(),
    /** The record already here it was linked to as one person. */
    linkedToParticipantId: z.string().uuid().nullable(),
    reason: z.string().max(200).nullable(),
  }),
);

/** An Exit.csv row as announced. */
const importedExit = z.strictObject({
  exitId: hudId,
  exitDate: eventDate,
  /** HUD's 3.12 Destination code as sent, and what it says in our words. */
  destination: z.number().int(),
  reason: z.enum(exitReasons),
  housingStatusAtExit: z.enum(housingStatusesAtExit).nullable(),
});

/**
 * An imported enrollment (Enrollment.csv) with its exit when Exit.csv holds one, announced once
 * both files have landed, for enrollment to record for the importer's organization when intake's
 * answer names the client's participant. Identity: ExportID + EnrollmentID.
 */
export const HmisEnrollmentImported = defineEvent(
  'reporting.hmis-enrollment.imported',
  1,
  z.strictObject({
    importId: z.string().uuid(),
    exportId: hudId,
    enrollmentId: hudId,
    personalId: hudId,
    importerRoles: z.array(z.string().max(40)).max(20),
    project: z.strictObject({
      projectId: hudId,
      name: z.string().trim().min(1).max(200),
      /** HUD's 2.02.6 ProjectType code (null when the sender left it empty). */
      projectType: z.number().int().nullable(),
      operatingStartDate: eventDate,
    }),
    entryDate: eventDate,
    /** HUD's 3.15 code: 1 the head of household, 2..5 a member, 99 not collected. */
    relationshipToHoH: z.number().int(),
    householdId: hudId,
    exit: importedExit.nullable(),
  }),
);
export type HmisEnrollment = z.infer<typeof HmisEnrollmentImported.data>;

/**
 * One Services.csv row an import brought in (HMIS CSV 4.14 and the program-specific services),
 * announced once the file has landed, for services to record on the enrollment its EnrollmentID
 * became. Identity: the importer's organization, ExportID and ServicesID.
 */
export const HmisServiceImported = defineEvent(
  'reporting.hmis-service.imported',
  1,
  z.strictObject({
    importId: z.string().uuid(),
    exportId: hudId,
    servicesId: hudId,
    enrollmentId: hudId,
    personalId: hudId,
    importerRoles: z.array(z.string().max(40)).max(20),
    dateProvided: eventDate,
    /** HUD's 1.4 RecordType and the TypeProvided code of its list, as sent. */
    recordType: z.number().int(),
    typeProvided: z.number().int(),
    /** FAAmount in cents (financial-assistance record types; null when not sent). */
    faAmountCents: z.number().int().nonnegative().nullable(),
  }),
);
export type HmisService = z.infer<typeof HmisServiceImported.data>;

/**
 * An Exit.csv row a later import brought for an enrollment an earlier import carried onward (the
 * client left in the sender's system after it): for enrollment to record the exit on what that
 * enrollment became, by its own rules. `exportId` is the ExportID enrollment knows the enrollment
 * by (the earlier import's); `importId` is this import, whose report counts it. Identity: the
 * organization and ExitID.
 */
export const HmisExitImported = defineEvent(
  'reporting.hmis-exit.imported',
  1,
  z.strictObject({
    importId: z.string().uuid(),
    exportId: hudId,
    enrollmentId: hudId,
    personalId: hudId,
    exit: importedExit,
  }),
);
export type HmisExit = z.infer<typeof HmisExitImported.data>;

export const hmisImportEvents = [
  HmisClientImported,
  HmisClientMatched,
  HmisEnrollmentImported,
  HmisServiceImported,
  HmisExitImported,
] as const;
