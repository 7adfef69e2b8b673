import type {
  Action,
  Actor,
  Decision,
  InformationRelease,
  ParticipantSharing,
  RecordScope,
  Role,
} from './types';

/**
 * What each role may do to client records. `admin` manages users and organizations and sees no
 * client data; `contract_manager` (a funder) reads but does not change records.
 */
const GRANTS: Record<Role, readonly Action[]> = {
  caseworker: ['read', 'write', 'delete'],
  supervisor: ['read', 'write', 'delete'],
  ce_manager: ['read', 'write'],
  hub_staff: ['read', 'write'],
  contract_manager: ['read'],
  admin: [],
};

export function roleAllows(actor: Pick<Actor, 'roles'>, action: Action): boolean {
  return actor.roles.some((role) =>
    (GRANTS as Record<string, readonly Action[] | undefined>)[role]?.includes(action),
  );
}

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** A release counts from its begin date through its end date (UTC calendar days) until revoked. */
export function isReleaseActive(release: InformationRelease, now: Date): boolean {
  return releaseState(release, now) === 'active';
}

function releaseState(release: InformationRelease, now: Date) {
  const today = now.toISOString().slice(0, 10);
  if (release.revokedAt && new Date(release.revokedAt) <= now) return 'release_revoked';
  if (today < release.beginDate) return 'release_not_started';
  if (today > release.endDate) return 'release_expired';
  return 'active';
}

/** Why `orgId` has (or lacks) an active release: the best state among its releases. */
function releaseFor(participant: ParticipantSharing, orgId: string, now: Date): Decision {
  const states = participant.releases
    .filter((r) => r.toOrgId === orgId)
    .map((r) => releaseState(r, now));
  if (states.includes('active')) return allow('active_release');
  for (const reason of ['release_expired', 'release_not_started', 'release_revoked'] as const) {
    if (states.includes(reason)) return deny(reason);
  }
  return deny('no_release');
}

/** May the actor's organization see this participant at all (before roles and sub-records)? */
function participantVisible(actor: Actor, participant: ParticipantSharing, now: Date): Decision {
  if (actor.orgId === participant.ownerOrgId) return allow('same_org');
  if (participant.restriction === 'share_global') return allow('share_global');
  if (participant.restriction === 'share_mou') return releaseFor(participant, actor.orgId, now);
  return deny('restricted_to_org'); // releases do not widen a restrict_to_org client
}

function recordVisible(
  actor: Actor,
  participant: ParticipantSharing,
  record: RecordScope,
  now: Date,
): Decision {
  switch (record.restriction) {
    case 'org':
      return actor.orgId === record.orgId ? allow('same_org') : deny('record_restricted_to_org');
    case 'user':
      return actor.userId === record.authorUserId
        ? allow('author')
        : deny('record_restricted_to_author');
    case 'mou':
    case 'confidential':
      // the record's own organization, or one the participant released their data to
      return actor.orgId === record.orgId
        ? allow('same_org')
        : releaseFor(participant, actor.orgId, now);
    default:
      return allow('record_unrestricted');
  }
}

function recordChangeable(actor: Actor, record: RecordScope, action: Action): Decision {
  if (record.readOnly) return deny('read_only');
  if (actor.orgId !== record.orgId) return deny('other_org_record');
  if (record.restriction === 'user' && actor.userId !== record.authorUserId)
    return deny('record_restricted_to_author');
  return allow(action === 'delete' ? 'may_delete' : 'may_write');
}

/**
 * The one decision every service makes before showing or changing a participant's data: the
 * role must grant the action, the participant must be visible to the actor's organization, and a
 * sub-record's own restriction must allow it. Denials carry a reason for the audit trail.
 */
export function decideAccess(input: {
  actor: Actor;
  participant: ParticipantSharing;
  record?: RecordScope;
  action: Action;
  now: Date;
}): Decision {
  const { actor, participant, record, action, now } = input;
  if (!roleAllows(actor, action)) return deny(`role_cannot_${action}`);
  const visible = participantVisible(actor, participant, now);
  if (!visible.allowed || !record) return visible;
  const readable = recordVisible(actor, participant, record, now);
  if (!readable.allowed || action === 'read') return readable;
  return recordChangeable(actor, record, action);
}

export function canSeeParticipant(
  actor: Actor,
  participant: ParticipantSharing,
  now: Date,
): Decision {
  return decideAccess({ actor, participant, action: 'read', now });
}
