import type { ConsumerOptions } from '@hearth/bus';
import {
  CaseNoteAdded,
  CaseNoteDeleted,
  DocumentDeleted,
  DocumentUploaded,
  EnrollmentCreated,
  EnrollmentExited,
  EnrollmentUpdated,
  ServiceDeleted,
  ServiceRecorded,
  ServiceUpdated,
  isEvent,
} from '@hearth/events';
import { serviceKindOf } from '../domain/service-kind';
import { saveCaseNote } from '../store/case-notes';
import { markReceivedRaAgain } from '../store/outcomes';
import { saveDocument, saveRecordService } from '../store/evidence';
import { findRecord, recordExitOf, saveRecordSnapshot } from '../store/records';
import {
  findWorkforceRecord,
  recordWorkforceExit,
  saveWorkforceService,
  saveWorkforceSnapshot,
} from '../store/workforce-records';

/**
 * Enrollment's snapshots of Rent Assistance enrollments (program kind rent_assistance) and of
 * workforce ones (Keys to Progress: their training and support payments) only.
 */
export const recordsConsumer: ConsumerOptions = {
  queue: 'rent-assistance.enrollments',
  eventTypes: [EnrollmentCreated.type, EnrollmentUpdated.type, EnrollmentExited.type],
  handle: async (event, tx) => {
    if (isEvent(event, EnrollmentCreated) || isEvent(event, EnrollmentUpdated)) {
      if (event.data.programKind === 'workforce')
        return saveWorkforceSnapshot(tx, event.data, event.occurredAt);
      if (event.data.programKind !== 'rent_assistance') return;
      await saveRecordSnapshot(tx, event.data, event.occurredAt);
      // a new record is the participant's return: their earlier episodes at the hub received RA again
      if (isEvent(event, EnrollmentCreated))
        await markReceivedRaAgain(tx, {
          enrollmentId: event.data.enrollmentId,
          participantId: event.data.headParticipantId,
          hubOrgId: event.data.serviceProviderOrgId ?? event.data.orgId,
          applicationDate: event.data.applicationDate,
        });
    } else if (isEvent(event, EnrollmentExited)) {
      await recordExitOf(tx, event.data.enrollmentId, event.data.exitDate);
      await recordWorkforceExit(tx, event.data.enrollmentId, event.data.exitDate);
    }
  },
};

/** Documents' facts: the review asks for a career plan and a signed application by their codes. */
export const documentsConsumer: ConsumerOptions = {
  queue: 'rent-assistance.documents',
  eventTypes: [DocumentUploaded.type, DocumentDeleted.type],
  handle: async (event, tx) => {
    const uploadedOn = event.occurredAt.slice(0, 10);
    if (isEvent(event, DocumentUploaded)) await saveDocument(tx, event.data, uploadedOn, false);
    else if (isEvent(event, DocumentDeleted)) await saveDocument(tx, event.data, uploadedOn, true);
  },
};

/**
 * Services on RA records (coaching copied in, RRH/HP, the final rent) and on workforce records
 * (others are not kept). A service arrives after its enrollment's snapshot (services records only
 * on enrollments it knows).
 */
export const servicesConsumer: ConsumerOptions = {
  queue: 'rent-assistance.services',
  eventTypes: [ServiceRecorded.type, ServiceUpdated.type, ServiceDeleted.type],
  handle: async (event, tx) => {
    // a recorded service is its first version; updated and deleted ones carry theirs
    const facts = isEvent(event, ServiceRecorded)
      ? { ...event.data, version: 1, deleted: false }
      : isEvent(event, ServiceUpdated)
        ? { ...event.data, deleted: false }
        : isEvent(event, ServiceDeleted)
          ? { ...event.data, deleted: true }
          : undefined;
    if (!facts) return;
    // a workforce record keeps every service with its category: a training payment names one
    if (await findWorkforceRecord(tx, facts.enrollmentId)) return saveWorkforceService(tx, facts);
    if (!(await findRecord(tx, facts.enrollmentId))) return;
    await saveRecordService(tx, facts, serviceKindOf(facts), facts.version, facts.deleted);
  },
};

/** Case notes' ids and owners: a rejection names one. */
export const caseNotesConsumer: ConsumerOptions = {
  queue: 'rent-assistance.case-notes',
  eventTypes: [CaseNoteAdded.type, CaseNoteDeleted.type],
  handle: async (event, tx) => {
    if (isEvent(event, CaseNoteAdded)) await saveCaseNote(tx, event.data, false);
    else if (isEvent(event, CaseNoteDeleted)) await saveCaseNote(tx, event.data, true);
  },
};
