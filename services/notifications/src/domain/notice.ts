import {
  FsspFollowUpDue,
  PlacementMade,
  ReferralCreated,
  ReferralCreatedV1,
  isEvent,
  type Envelope,
} from '@hearth/events';

export const noticeKinds = [
  'incoming_referral',
  'placement',
  'fssp_follow_up_due',
  'help_ticket_answered',
  'paused_workflow',
  'rent_assistance_review_nearing',
  'rent_assistance_engagement_missing',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** The records a notice can link to, and where the API answers them (their service decides access). */
export const recordTypes = [
  'referral',
  'fssp',
  'help_ticket',
  'workflow',
  'rent_assistance_record',
] as const;
export type RecordType = (typeof recordTypes)[number];
const hrefOf: Record<RecordType, (id: string) => string> = {
  referral: (id) => `/api/v1/referrals/${id}`,
  fssp: (id) => `/api/v1/fssps/${id}`,
  help_ticket: (id) => `/api/v1/help-tickets/${id}`,
  // the author's Paused Workflows, where the draft (recordId) is resumed
  workflow: () => `/api/v1/workflows?status=paused`,
  rent_assistance_record: (id) => `/api/v1/rent-assistance/records/${id}`,
};
export const linkOf = (recordType: RecordType, recordId: string) => ({
  recordType,
  recordId,
  href: hrefOf[recordType](recordId),
});

/**
 * A notice to write: to one user of an organization, or (userId null) to all its users. Its title
 * carries no client data (no name, no comment): who it is about is shown only to a reader whose
 * sharing lets them see the participant, at read time.
 */
export interface NewNotice {
  orgId: string;
  userId: string | null;
  kind: NoticeKind;
  title: string;
  recordType: RecordType;
  recordId: string;
  /** null when the notice is about no participant (a help ticket's answer) */
  participantId: string | null;
  /** what it came from (an event, an answer): one notice each */
  sourceEventId: string;
}

const FOLLOW_UP_NAMES = { six_month: '6-month', twelve_month: '12-month' } as const;

/** The notice an event asks for, or undefined when it asks for none (DOMAIN.md, Cross-cutting). */
export function noticeFor(event: Envelope): NewNotice | undefined {
  // a new incoming referral: the receiving organization, every user of it
  if (isEvent(event, ReferralCreated) || isEvent(event, ReferralCreatedV1))
    return {
      orgId: event.data.toOrgId,
      userId: null,
      kind: 'incoming_referral',
      title: `New incoming referral: ${event.data.referralService}`,
      recordType: 'referral',
      recordId: event.data.referralId,
      participantId: event.data.participantId,
      sourceEventId: event.id,
    };
  // a coordinated-entry placement: the case manager who referred (CE guide: "notification to the
  // referring case manager")
  if (isEvent(event, PlacementMade))
    return {
      orgId: event.data.referringOrgId,
      userId: event.data.referringUserId,
      kind: 'placement',
      title: `Placement accepted: ${event.data.program}, placed on ${event.data.placedOn}`,
      recordType: 'referral',
      recordId: event.data.referralId,
      participantId: event.data.participantId,
      sourceEventId: event.id,
    };
  if (isEvent(event, FsspFollowUpDue))
    return {
      orgId: event.data.orgId,
      userId: event.data.caseWorkerUserId,
      kind: 'fssp_follow_up_due',
      title: `FSSP ${FOLLOW_UP_NAMES[event.data.followUp]} follow-up due on ${event.data.dueDate}`,
      recordType: 'fssp',
      recordId: event.data.planId,
      participantId: event.data.headParticipantId,
      sourceEventId: event.id,
    };
  return undefined;
}

/** The event types noticeFor answers a notice for (the consumer binds exactly these). */
export const noticeEventTypes = [ReferralCreated.type, PlacementMade.type, FsspFollowUpDue.type];

/** A paused draft untouched this many days reminds its author (issue 15, "Notices"). */
export const PAUSED_REMINDER_DAYS = 7;

/** The reminder of one paused draft to its author alone, once per pause (its event's id). */
export function pausedWorkflowNotice(draft: {
  workflowId: string;
  orgId: string;
  ownerUserId: string;
  workflowType: string;
  pauseEventId: string;
}): NewNotice {
  return {
    orgId: draft.orgId,
    userId: draft.ownerUserId,
    kind: 'paused_workflow',
    title: `Your ${draft.workflowType.replaceAll(/[-_]/g, ' ')} workflow has been paused for ${PAUSED_REMINDER_DAYS} days`,
    recordType: 'workflow',
    recordId: draft.workflowId,
    participantId: null,
    sourceEventId: draft.pauseEventId,
  };
}
