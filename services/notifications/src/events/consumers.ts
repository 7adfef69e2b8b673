import type { ConsumerOptions } from '@hearth/bus';
import { peopleConsumer } from '@hearth/people';
import { sharingFactsConsumer } from '@hearth/sharing';
import type { NotificationsDeps } from '../deps';
import { noticeEventTypes } from '../domain/notice';
import { DocumentDeleted, DocumentUploaded, ParticipantAccessed } from '@hearth/events';
import { recordAccess, recordDecision, recordDecisionEventTypes } from '../use-cases/audit-trail';
import { keepDocument } from '../use-cases/help-tickets';
import { draftEventTypes, keepDraft } from '../use-cases/paused-workflows';
import { keepRaRecord, raRecordEventTypes } from '../use-cases/rent-assistance-reminders';
import { recordNotice } from '../use-cases/record-notice';

/**
 * What this service consumes: one consumer per queue (`notifications.<purpose>`), each parsing its
 * events with the schemas of libs/events and calling one use case in the transaction that records
 * the event as processed.
 */
export function consumers(deps: NotificationsDeps): ConsumerOptions[] {
  return [
    // Who may see each participant: intake's versioned sharing state, newest version wins.
    sharingFactsConsumer('notifications.sharing-facts'),
    // Intake's links of records as one person: a person's notices and trail listed together.
    peopleConsumer('notifications.people'),
    // Referrals', coordinated entry's and FSSP's events that ask for a notice.
    {
      queue: 'notifications.notices',
      eventTypes: noticeEventTypes,
      handle: async (event, tx) => {
        await recordNotice(deps, tx, event);
      },
    },
    // Every service's participant gate decisions (libs/access): the one audit trail.
    {
      queue: 'notifications.audit-trail',
      eventTypes: [ParticipantAccessed.type],
      handle: (event, tx) => recordAccess(deps, tx, event),
    },
    // Intake's links, undos and dismissals of duplicate records: in both records' trails.
    {
      queue: 'notifications.record-decisions',
      eventTypes: recordDecisionEventTypes,
      handle: (event, tx) => recordDecision(deps, tx, event),
    },
    // Documents' ids and organizations: what a help ticket's attachment may name.
    {
      queue: 'notifications.documents',
      eventTypes: [DocumentUploaded.type, DocumentDeleted.type],
      handle: keepDocument,
    },
    // Every service's workflow drafts (libs/workflows): the paused ones remind their author.
    {
      queue: 'notifications.workflows',
      eventTypes: draftEventTypes,
      handle: keepDraft,
    },
    // Rent Assistance records (enrollment) and their review or exit (rent-assistance).
    {
      queue: 'notifications.rent-assistance',
      eventTypes: raRecordEventTypes,
      handle: keepRaRecord,
    },
  ];
}
