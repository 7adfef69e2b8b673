import { z } from 'zod';
import { ParticipantAccessed } from './access';
import { coordinatedEntryEvents } from './coordinated-entry';
import { defineEvent, eventDate } from './envelope';
import { exitReasons, housingStatusesAtExit } from './exit-values';
import { raceValues, ssnStatuses, veteranStatuses } from './participant-values';
import { fsspEvents } from './fssp';
import { workflowEvents } from './workflows';
import { workforceEvents } from './workforce';
import { hmisAssessmentEvents } from './hmis-assessments';
import { MasterAssessmentCompleted } from './master-assessment';
import { rentAssistanceEvents } from './rent-assistance';
import { workforcePaymentEvents } from './workforce-payments';
import { peopleEvents } from './people';
import { hmisImportEvents } from './hmis-import';
import { hmisImportAnswers } from './hmis-import-answers';
import { programHudFacts } from './hud-project';
import { HmisProjectImported } from './hmis-projects';

/**
 * Every event schema of the platform, in one place, so producer and consumer agree at compile time
 * and at run time. A breaking change is a new version beside the old one, never an edit.
 */
const date = eventDate;
const id = z.string().uuid();

export const sexValues = ['female', 'male', 'intersex', 'unknown', 'refused'] as const;
export const securityRestrictions = ['restrict_to_org', 'share_mou', 'share_global'] as const;
export const relationships = [
  'head_of_household',
  'spouse',
  'partner',
  'child',
  'stepchild',
  'parent',
  'sibling',
  'grandchild',
  'grandparent',
  'other_relative',
  'non_relative',
] as const;

export { raceValues, ssnStatuses, veteranStatuses } from './participant-values';

/** The participant fields other services may keep in their read models; never the SSN. */
export const participantFacts = z.strictObject({
  participantId: id,
  ownerOrgId: id,
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string(),
  birthDate: date,
  sex: z.enum(sexValues).nullable(),
  securityRestriction: z.enum(securityRestrictions),
  /** For eligibility rules such as "arrived in the US within N months". */
  immigrationStatus: z.string().nullable().default(null),
  usArrivalDate: date.nullable().default(null),
  /** HUD's reporting facts; absent from events made before they were announced (not collected). */
  race: z.array(z.enum(raceValues)).max(9).optional(),
  veteranStatus: z.enum(veteranStatuses).nullable().optional(),
  ssnStatus: z.enum(ssnStatuses).optional(),
});
export type ParticipantFacts = z.infer<typeof participantFacts>;

export const ParticipantCreated = defineEvent('intake.participant.created', 1, participantFacts);
/** A full snapshot of the facts after the change, so a consumer can simply upsert. */
export const ParticipantUpdated = defineEvent('intake.participant.updated', 1, participantFacts);

/** Who is in a family now: a snapshot after every change (members added, removed, head changed). */
export const FamilyChanged = defineEvent(
  'intake.family.changed',
  1,
  z.strictObject({
    familyId: id,
    headParticipantId: id,
    members: z.array(
      z.strictObject({
        participantId: id,
        relationship: z.enum(relationships),
        isCurrentFamily: z.boolean(),
      }),
    ),
    removedParticipantIds: z.array(id),
  }),
);

/** v1 carried only the restriction, without order: superseded by SharingStateChanged. */
export const SharingChanged = defineEvent(
  'intake.sharing.changed',
  1,
  z.strictObject({
    participantId: id,
    ownerOrgId: id,
    securityRestriction: z.enum(securityRestrictions),
  }),
);

const release = z.strictObject({
  releaseId: id,
  participantId: id,
  toOrgId: id,
  beginDate: date,
  endDate: date,
  revokedAt: z.string().datetime().nullable(),
});
export type ReleaseFacts = z.infer<typeof release>;
/**
 * A participant's whole sharing state after a change (restriction set, release granted or revoked,
 * participant created), so a consumer replaces what it holds instead of patching it. Intake assigns
 * `sharingVersion` in the transaction of the change: strictly increasing per participant, so a
 * consumer applies only a newer version and any delivery order ends in the latest state.
 */
export const sharingState = z.strictObject({
  participantId: id,
  ownerOrgId: id,
  securityRestriction: z.enum(securityRestrictions),
  releases: z.array(release.omit({ participantId: true })).max(10_000),
  sharingVersion: z.number().int().positive(),
});
/** v2 could not say which releases a referral made (read only): superseded by v3. */
export const SharingStateChangedV2 = defineEvent('intake.sharing.changed', 2, sharingState);

/**
 * How far a release reaches: `full` is the participant's signed release recorded in intake; a
 * `referral` release follows a referral's authorization to its receiver and grants reading only.
 */
export const releaseScopes = ['full', 'referral'] as const;
/**
 * v3: each release says its scope, so every service's access decision keeps a referral release
 * read only. A release given without one is `full`, as every release was before referrals.
 */
export const sharingStateV3 = sharingState.extend({
  releases: z
    .array(
      release
        .omit({ participantId: true })
        .extend({ scope: z.enum(releaseScopes).default('full') }),
    )
    .max(10_000),
});
/** As producers give it (a release's scope may be left out: `full`). */
export type SharingState = z.input<typeof sharingStateV3>;
export const SharingStateChanged = defineEvent('intake.sharing.changed', 3, sharingStateV3);

export const ReleaseGranted = defineEvent('intake.release.granted', 1, release);
export const ReleaseRevoked = defineEvent('intake.release.revoked', 1, release);

/**
 * The catalog's category of a service type: `training` (Training, Post-Secondary Education &
 * Employment Skills: what a training payment must name). Absent from events made before it was
 * carried, null for a type of no category.
 */
export const serviceCategories = ['training'] as const;
const serviceCategory = z.enum(serviceCategories).nullable().optional();

/**
 * A service was recorded for an enrollment (published by the services service). Enrollment uses it
 * for Participation (the first service that starts participation) and the last-qualifying-service
 * date behind auto exit.
 */
export const ServiceRecorded = defineEvent(
  'services.service.recorded',
  1,
  z.strictObject({
    serviceId: id,
    participantId: id,
    enrollmentId: id,
    serviceTypeId: z.string().min(1),
    serviceDate: date,
    startsParticipation: z.boolean(),
    qualifying: z.boolean(),
    category: serviceCategory,
  }),
);

/** What services' updated and deleted events carry: the record as it now stands (or stood). */
const serviceFacts = z.strictObject({
  serviceId: id,
  participantId: id,
  enrollmentId: id,
  serviceTypeId: z.string().min(1),
  serviceDate: date,
  startsParticipation: z.boolean(),
  qualifying: z.boolean(),
  category: serviceCategory,
  version: z.number().int().positive(),
});
/** A service was edited (date, type or details); consumers re-derive what they took from it. */
export const ServiceUpdated = defineEvent('services.service.updated', 1, serviceFacts);
/** A service was deleted (soft: kept in the services service's history). */
export const ServiceDeleted = defineEvent('services.service.deleted', 1, serviceFacts);

/**
 * A case note as it now stands (or stood), for audit and reporting: who, whom, when and who may
 * read it, never its text (the text stays in the services database, behind the access decision).
 */
const caseNoteFacts = z.strictObject({
  noteId: id,
  participantId: id,
  orgId: id,
  authorUserId: id,
  staffUserId: id,
  noteDate: date,
  restriction: z.enum(['org', 'user', 'mou']),
  readOnly: z.boolean(),
  version: z.number().int().positive(),
});
export const CaseNoteAdded = defineEvent('services.case-note.added', 1, caseNoteFacts);
export const CaseNoteUpdated = defineEvent('services.case-note.updated', 1, caseNoteFacts);
/** A case note was deleted (soft: the row stays in the services database). */
export const CaseNoteDeleted = defineEvent('services.case-note.deleted', 1, caseNoteFacts);
/** Provider types a grade promotion names ("RSI Provided By": the RSI provider's agency type). */
export const rsiProviderTypes = [
  'resettlement_agency',
  'school_district',
  'mutual_assistance_association',
  'community_organization',
  'other',
] as const;

/** An RSI student's grade promotion (services), one per student and date. */
export const GradePromotionRecorded = defineEvent(
  'services.grade-promotion.recorded',
  1,
  z.strictObject({
    gradePromotionId: id,
    participantId: id,
    enrollmentId: id,
    promotionDate: date,
    providerType: z.enum(rsiProviderTypes),
  }),
);

/** Enrollment's program statuses, in the order a record usually moves through them. */
export const programStatuses = [
  'application',
  'registration',
  'participation',
  'exit',
  'pre_program_exit',
  'auto_exit',
  'exit_removed',
] as const;
export const exitKinds = ['exit', 'pre_program_exit', 'auto_exit'] as const;
export { exitReasons, housingStatusesAtExit } from './exit-values';

/**
 * A program the guides give rules of its own: Refugee School Impact (grade promotions), Refugee
 * Youth Mentoring, a hub's Rent Assistance and a workforce program (Keys to Progress: its training
 * and support payments). Null for every other program.
 */
export const programKinds = ['rsi', 'rym', 'rent_assistance', 'workforce'] as const;

/** An enrollment as it stands after a change: consumers (services, reporting) simply upsert it. */
const enrollmentSnapshot = z.strictObject({
  enrollmentId: id,
  programId: id,
  /** Absent from snapshots made before programs had a kind: read it as null. */
  programKind: z.enum(programKinds).nullable().optional(),
  orgId: id,
  /**
   * The organization providing the program's services when it is not `orgId`: a Rent Assistance
   * record is created by the coach's organization with the hub as provider. Absent: `orgId`.
   */
  serviceProviderOrgId: id.nullable().optional(),
  /** A Rent Assistance record's "customer of" (the coach, then the hub's assigned staff). */
  customerOfUserId: id.nullable().optional(),
  /** A Rent Assistance record's total amount requested, in cents: payments are capped by it. */
  totalAmountRequestedCents: z.number().int().nonnegative().nullable().optional(),
  headParticipantId: id,
  memberParticipantIds: z.array(id),
  applicationDate: date,
  registrationDate: date.nullable(),
  participationDate: date.nullable(),
  lastQualifyingServiceDate: date.nullable(),
  exitDate: date.nullable(),
  status: z.enum(programStatuses),
});
export type EnrollmentSnapshot = z.infer<typeof enrollmentSnapshot>;
export const EnrollmentCreated = defineEvent(
  'enrollment.enrollment.created',
  1,
  enrollmentSnapshot,
);
export const EnrollmentUpdated = defineEvent(
  'enrollment.enrollment.updated',
  1,
  enrollmentSnapshot,
);

const enrollmentMember = z.strictObject({
  enrollmentId: id,
  headParticipantId: id,
  participantId: id,
  /** Why an ineligible member was included anyway; null when none was needed. */
  overrideReason: z.string().nullable(),
});
export const EnrollmentMemberAdded = defineEvent('enrollment.member.added', 1, enrollmentMember);
export const EnrollmentMemberRemoved = defineEvent(
  'enrollment.member.removed',
  1,
  enrollmentMember,
);

export const EnrollmentStatusChanged = defineEvent(
  'enrollment.status.changed',
  1,
  z.strictObject({
    enrollmentId: id,
    headParticipantId: id,
    status: z.enum(programStatuses),
    statusDate: date,
    previousStatus: z.enum(programStatuses).nullable(),
    reason: z.enum(exitReasons).nullable(),
    removedFromPerformance: z.boolean(),
  }),
);

export const EnrollmentExited = defineEvent(
  'enrollment.enrollment.exited',
  1,
  z.strictObject({
    enrollmentId: id,
    headParticipantId: id,
    memberParticipantIds: z.array(id),
    kind: z.enum(exitKinds),
    exitDate: date,
    reason: z.enum(exitReasons),
    /** Null only for an auto exit: nobody asked the participant. */
    housingStatusAtExit: z.enum(housingStatusesAtExit).nullable(),
    removedFromPerformance: z.boolean(),
  }),
);

/**
 * A program as enrollment holds it after a change, for HUD's Project.csv (its name and operating
 * dates) and reports: the whole state and its `version`, so a consumer keeps only a newer one.
 * No eligibility rules: they are enrollment's own.
 */
const programFacts = z.strictObject({
  programId: id,
  orgId: id,
  name: z.string().min(1).max(200),
  /** The grant or funding source paying for the program, as the supervisor named it. */
  fundingSource: z.string().min(1).max(200),
  grantNumber: z.string().max(100).nullable(),
  activeFrom: date,
  activeTo: date.nullable(),
  kind: z.enum(programKinds).nullable(),
  /** HUD's project type and funders (Project.csv, Funder.csv); optional: older events lack them. */
  ...programHudFacts,
  version: z.number().int().positive(),
});
export type ProgramFacts = z.infer<typeof programFacts>;
export const ProgramCreated = defineEvent('enrollment.program.created', 1, programFacts);
export const ProgramUpdated = defineEvent('enrollment.program.updated', 1, programFacts);

/**
 * Identity's organizations and users as every other service may keep them (services' staff and
 * time zone, referrals' provider directory). Each carries the whole state after the change and a
 * `version` identity draws from one sequence in the transaction of the change, after the row is
 * written (and so locked): per entity it rises in commit order, so a consumer keeps only a newer
 * one and any delivery order ends in the latest state.
 */
const organizationFacts = z.strictObject({
  organizationId: id,
  name: z.string().min(1).max(200),
  kind: z.string().min(1).max(50),
  /** IANA name (America/Chicago): the organization's calendar, "today" for its records. */
  timeZone: z.string().min(1).max(64),
  version: z.number().int().positive(),
});
export type OrganizationFacts = z.infer<typeof organizationFacts>;
export const OrganizationCreated = defineEvent(
  'identity.organization.created',
  1,
  organizationFacts,
);
export const OrganizationUpdated = defineEvent(
  'identity.organization.updated',
  1,
  organizationFacts,
);

/** A user as one organization knows them (a membership): a user of two agencies is two of these. */
const orgUserFacts = z.strictObject({
  userId: id,
  orgId: id,
  name: z.string().min(1).max(200),
  roles: z.array(z.string().min(1).max(50)).max(20),
  /** False once removed from the organization or the account is disabled: history keeps them. */
  active: z.boolean(),
  version: z.number().int().positive(),
});
export type OrgUserFacts = z.infer<typeof orgUserFacts>;
/** The user joined the organization (invitation accepted, or made at start). */
export const UserCreated = defineEvent('identity.user.created', 1, orgUserFacts);
/** Roles, name or active changed (removed from the organization: active false). */
export const UserUpdated = defineEvent('identity.user.updated', 1, orgUserFacts);

/** Who may read a referral's participant data: the categories the participant authorized. */
export const releaseCategories = [
  'identifying',
  'contact',
  'demographics',
  'immigration',
  'household',
  'income_and_benefits',
  'health',
  'enrollments',
  'services',
  'case_notes',
  'documents',
] as const;
export const referralStatuses = [
  'pending',
  'accepted',
  'rejected',
  'withdrawn',
  'completed',
] as const;
/**
 * A referral as it now stands (referrals service): ids, both organizations, the service and the
 * status, what a notice needs and no more (never its comment or outcome text).
 */
const referralFacts = z.strictObject({
  referralId: id,
  participantId: id,
  fromOrgId: id,
  fromUserId: id,
  toOrgId: id,
  referralService: z.string().min(1).max(60),
  referralDate: date,
  status: z.enum(referralStatuses),
  version: z.number().int().positive(),
});
/** v1 did not carry the categories released to the receiver: superseded by v2. */
export const ReferralCreatedV1 = defineEvent('referrals.referral.created', 1, referralFacts);
/**
 * A new referral; to its receiving organization it is the "new incoming referral" notice, and
 * with `releasedCategories` (what the participant authorized the receiver to read, never the
 * data itself) intake records a read-only release to the receiver.
 */
export const ReferralCreated = defineEvent(
  'referrals.referral.created',
  2,
  referralFacts.extend({
    // a referral made without the participant's authorization (a CE match) releases nothing
    releasedCategories: z
      .array(z.enum(releaseCategories))
      .max(releaseCategories.length)
      .default([]),
  }),
);
/**
 * The sender changed what the participant authorized the receiver to read, or the referral date
 * (the receiver's release runs from it): intake follows it (none left = the release is revoked).
 */
export const ReferralReleaseChanged = defineEvent(
  'referrals.referral.release-changed',
  1,
  referralFacts.extend({
    releasedCategories: z.array(z.enum(releaseCategories)).max(releaseCategories.length),
  }),
);
/** The receiver accepted, rejected or completed it (a withdrawal is ReferralWithdrawn). */
export const ReferralStatusChanged = defineEvent(
  'referrals.referral.status-changed',
  1,
  referralFacts.extend({ previousStatus: z.enum(referralStatuses) }),
);
/** The sender took it back: the receiver's access through it ends. */
export const ReferralWithdrawn = defineEvent('referrals.referral.withdrawn', 1, referralFacts);
export const referralOutcomeResults = [
  'service_provided',
  'client_declined',
  'unable_to_contact',
  'not_eligible',
  'other',
] as const;
export const ReferralOutcomeRecorded = defineEvent(
  'referrals.referral.outcome-recorded',
  1,
  referralFacts.extend({ outcomeDate: date, result: z.enum(referralOutcomeResults) }),
);
/** Soft delete of a closed referral by its sender. */
export const ReferralDeleted = defineEvent('referrals.referral.deleted', 1, referralFacts);
/**
 * A participant's document as it stands (or stood): what it is and when it dates from, so rent
 * assistance can check "career plan uploaded within 3 months" and "application signed"; never its
 * file name or content (those stay behind the documents service's access decision).
 */
const documentFacts = z.strictObject({
  documentId: id,
  participantId: id,
  orgId: id,
  category: z.string().min(1).max(50),
  documentType: z.string().min(1).max(50),
  documentDate: date,
  confidentiality: z.enum(['confidential', 'public']),
});
export const DocumentUploaded = defineEvent('documents.document.uploaded', 1, documentFacts);
/** A document was deleted (soft: its content is purged after the retention). */
export const DocumentDeleted = defineEvent('documents.document.deleted', 1, documentFacts);

export const catalog = [
  ParticipantCreated,
  ParticipantUpdated,
  FamilyChanged,
  SharingChanged,
  SharingStateChangedV2,
  SharingStateChanged,
  ReleaseGranted,
  ReleaseRevoked,
  ServiceRecorded,
  ServiceUpdated,
  ServiceDeleted,
  CaseNoteAdded,
  CaseNoteUpdated,
  CaseNoteDeleted,
  GradePromotionRecorded,
  EnrollmentCreated,
  EnrollmentUpdated,
  EnrollmentMemberAdded,
  EnrollmentMemberRemoved,
  EnrollmentStatusChanged,
  EnrollmentExited,
  ProgramCreated,
  ProgramUpdated,
  OrganizationCreated,
  OrganizationUpdated,
  UserCreated,
  UserUpdated,
  ReferralCreatedV1,
  ReferralCreated,
  ReferralReleaseChanged,
  ReferralStatusChanged,
  ReferralWithdrawn,
  ReferralOutcomeRecorded,
  ReferralDeleted,
  ...coordinatedEntryEvents,
  DocumentUploaded,
  DocumentDeleted,
  ...fsspEvents,
  ...workforceEvents,
  ...hmisAssessmentEvents,
  MasterAssessmentCompleted,
  ParticipantAccessed,
  ...rentAssistanceEvents,
  ...workforcePaymentEvents,
  ...peopleEvents,
  ...workflowEvents,
  ...hmisImportEvents,
  HmisProjectImported,
  ...hmisImportAnswers,
] as const;
