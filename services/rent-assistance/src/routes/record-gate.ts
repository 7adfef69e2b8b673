import {
  allowedParticipants,
  auditDenialAfterAnswer,
  decideAccess,
  type Action,
  type Actor,
  type ParticipantSharing,
} from '@hearth/access';
import type { Queryable } from '@hearth/db';
import { notFound } from '@hearth/http';
import { sharingOf } from '@hearth/sharing';
import { findRecord, recordsAmong, type RaRecord } from '../store/records';
import { findWorkforceRecord, type WorkforceRecord } from '../store/workforce-records';
import { participantFor } from './participant-gate';

const WHAT = 'The rent-assistance record';

/**
 * A rent-assistance record is a record of the hub and of the coach's organization about its
 * participant: the participant gate decides the person, then the record's scope ("mou" for either
 * organization: itself, or one holding an active release; only they change it). Denied = 404 like
 * an unknown record, audited.
 */
export async function recordFor(
  pool: Queryable,
  actor: Actor,
  enrollmentId: string,
  action: Action,
  now: Date,
): Promise<RaRecord> {
  const record = await findRecord(pool, enrollmentId);
  if (!record) throw notFound(WHAT);
  const person = await participantFor(pool, actor, record.participantId, action, now, WHAT);
  if (!recordAllowed(pool, actor, record, person.sharing, action, now)) throw notFound(WHAT);
  return record;
}

/**
 * A workforce (Keys to Progress) record has the same gate: the person, then the record's scope
 * "mou" for its organization and its service provider (who enter its payments).
 */
export async function workforceRecordFor(
  pool: Queryable,
  actor: Actor,
  enrollmentId: string,
  action: Action,
  now: Date,
): Promise<WorkforceRecord> {
  const what = 'The workforce record';
  const record = await findWorkforceRecord(pool, enrollmentId);
  if (!record) throw notFound(what);
  const person = await participantFor(pool, actor, record.participantId, action, now, what);
  const scope = { ...record, coachOrgId: record.orgId };
  if (!recordAllowed(pool, actor, scope, person.sharing, action, now)) throw notFound(what);
  return record;
}

/**
 * The same gate for the records a batch names, in two queries: the records the actor may
 * `action`, by id; any other id is answered as unknown (404) by the caller. Denials are audited
 * after the answer as the single gate audits them.
 */
export async function recordsFor(
  pool: Queryable,
  actor: Actor,
  enrollmentIds: readonly string[],
  action: Action,
  now: Date,
): Promise<Map<string, RaRecord>> {
  const records = await recordsAmong(pool, enrollmentIds);
  const sharing = await sharingOf(pool, [...new Set(records.map((r) => r.participantId))]);
  const people = allowedParticipants(pool, actor, sharing, action, now);
  return new Map(
    records
      .filter(
        (r) =>
          people.has(r.participantId) &&
          recordAllowed(pool, actor, r, sharing.get(r.participantId)!, action, now),
      )
      .map((r) => [r.enrollmentId, r]),
  );
}

/** The record's scope: "mou" for the hub and for the coach's organization (audited when denied). */
function recordAllowed(
  pool: Queryable,
  actor: Actor,
  record: Pick<RaRecord, 'hubOrgId' | 'coachOrgId' | 'participantId'>,
  participant: ParticipantSharing,
  action: Action,
  now: Date,
): boolean {
  const decisions = [record.hubOrgId, record.coachOrgId].map((orgId) =>
    decideAccess({ actor, participant, record: { orgId, restriction: 'mou' }, action, now }),
  );
  if (decisions.some((d) => d.allowed)) return true;
  auditDenialAfterAnswer(pool, actor, record.participantId, action, decisions[0]!.reason);
  return false;
}
