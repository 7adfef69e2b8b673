import { releaseStatusFor } from './releases';
import { roleAllows } from './roles';
import type { AccessRequest, Actor, Decision, ParticipantSharing, RecordScope } from './types';

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** Does `orgId` hold an active information release for this participant (and if not, why)? */
function releaseDecision(participant: ParticipantSharing, orgId: string, now: Date): Decision {
  const status = releaseStatusFor(participant, orgId, now);
  if (status === 'active') return allow('active_release');
  return status === 'active_read_only' ? allow(REFERRAL_RELEASE) : deny(status);
}

/** The reason of a decision that only a referral's release allowed: reading, nothing more. */
const REFERRAL_RELEASE = 'active_referral_release';

/** May the actor's organization see this participant at all (before sub-records)? */
function participantVisible(actor: Actor, participant: ParticipantSharing, now: Date): Decision {
  if (actor.orgId === participant.ownerOrgId) return allow('same_org');
  switch (participant.restriction) {
    case 'share_global':
      return allow('share_global');
    case 'share_mou':
      return releaseDecision(participant, actor.orgId, now);
    default:
      // restrict_to_org (the intake default) ignores releases; so does any value we do not know
      return deny('restricted_to_org');
  }
}

/** May the actor read this sub-record, given that the participant is visible? */
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
      // a record without a known author is readable by no one rather than by everyone; an author
      // who has moved to another organization (the token names it) left the note behind
      return record.authorUserId !== undefined &&
        actor.userId === record.authorUserId &&
        actor.orgId === record.orgId
        ? allow('author')
        : deny('record_restricted_to_author');
    case 'mou':
    case 'confidential':
      // the record's own organization, or one the participant released their data to; the
      // release counts even when the participant is share_global (a global client's
      // confidential document stays with released organizations)
      return actor.orgId === record.orgId
        ? allow('same_org')
        : releaseDecision(participant, actor.orgId, now);
    case 'public':
    case 'none':
      return allow('record_unrestricted');
    default:
      return deny('record_restricted_to_org'); // unknown restriction: least privilege
  }
}

/** May the actor change (write or delete) this sub-record, given that they can read it? */
function recordChangeable(actor: Actor, record: RecordScope): Decision {
  if (record.readOnly) return deny('read_only'); // a read-only note is final, even for its author
  // Sharing lets other agencies read a note, never rewrite another agency's record.
  if (actor.orgId !== record.orgId) return deny('other_org_record');
  if (record.restriction === 'user') {
    return actor.userId === record.authorUserId
      ? allow('author')
      : deny('record_restricted_to_author');
  }
  return allow('same_org');
}

/**
 * The one decision every service makes before showing or changing a participant's data: the
 * role must grant the action, the participant must be visible to the actor's organization, and a
 * sub-record's own restriction must allow it. Pure; denials carry a reason for the audit trail.
 */
export function decideAccess(input: AccessRequest): Decision {
  const { actor, participant, record, action, now } = input;
  if (!roleAllows(actor, action)) return deny(`role_cannot_${action}`);
  const visible = participantVisible(actor, participant, now);
  if (!visible.allowed) return visible;
  // A referral lets its receiver read the participant; recording anything about them (their
  // details, a service, a note) waits for a release signed in intake or their own intake.
  if (visible.reason === REFERRAL_RELEASE && action !== 'read')
    return deny('referral_release_read_only');
  if (!record) {
    // Writing the participant follows visibility: agencies serving the same client (share_global,
    // or share_mou with an active release) keep contact details current. Deleting removes the
    // client for every agency, so only the owner organization may.
    const othersDelete = action === 'delete' && actor.orgId !== participant.ownerOrgId;
    return othersDelete ? deny('other_org_record') : visible;
  }
  const readable = recordVisible(actor, participant, record, now);
  if (!readable.allowed || action === 'read') return readable;
  return recordChangeable(actor, record);
}

/** Convenience for the common case: may the actor read the participant itself? */
export function canSeeParticipant(
  actor: Actor,
  participant: ParticipantSharing,
  now: Date,
): Decision {
  return decideAccess({ actor, participant, action: 'read', now });
}
