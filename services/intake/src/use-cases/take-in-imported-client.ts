import { decideAccess, roleAllows } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { PoolClient } from '@hearth/db';
import { randomUUID } from 'node:crypto';
import type { Envelope, HmisClient } from '@hearth/events';
import { dateOf } from '@hearth/time';
import { sealSsn } from '../adapters/ssn-cipher';
import type { IntakeDeps } from '../deps';
import { importLinkReason, importedParticipant } from '../domain/imported-client';
import { CONFIDENT_MATCH } from '../domain/matching';
import { newRecord } from '../domain/record';
import { announceImportOutcome } from '../events/hmis-imports';
import {
  claimImportedClient,
  recordImportedClient,
  type ImportedClientKey,
  type ImportedClientOutcome,
} from '../store/imported-clients';
import { recordsOfPerson } from '../store/links';
import { findParticipant } from '../store/participants';
import { recordParticipant } from './create-participant';
import { findDuplicates } from './find-duplicates';
import { recordLink } from './link-person';

/**
 * An HMIS import's client, in the consumer's transaction: once per importer organization, ExportID
 * and PersonalID. Intake's duplicate check runs within what the importer may see; the client
 * becomes a participant of the importer's organization, restricted to it, and when the check is
 * confident (CONFIDENT_MATCH) that the person is already here, the new record is linked to that
 * one as one person (issue 18: never merged, undone like any link). Linking needs the right to
 * change the record already here, and one link per record: otherwise the record stands alone and
 * the duplicate scan offers the pair to a supervisor. The outcome is announced for reporting.
 */
export async function takeInImportedClient(
  tx: PoolClient,
  deps: Pick<IntakeDeps, 'pool' | 'clock' | 'ssn'>,
  event: Envelope<HmisClient>,
): Promise<void> {
  const client = event.data;
  const key: ImportedClientKey = {
    orgId: event.orgId,
    exportId: client.exportId,
    personalId: client.personalId,
  };
  const now = deps.clock();
  if (!(await claimImportedClient(tx, key, client.importId, now))) return; // handled already
  const done = async (o: Omit<ImportedClientOutcome, 'importId'>) => {
    const outcome = { importId: client.importId, ...o };
    await recordImportedClient(tx, key, outcome);
    await announceImportOutcome(tx, event, outcome);
  };
  const notTakenIn = (reason: string) =>
    done({ outcome: 'not_taken_in', participantId: null, linkedToParticipantId: null, reason });

  const { userId, name } = event.actor;
  if (!userId) return notTakenIn('No importing user');
  const actor: Actor = { userId, orgId: event.orgId, roles: client.importerRoles, name };
  if (!roleAllows(actor, 'write')) return notTakenIn("The importer's roles write no client");
  const wanted = importedParticipant(client, dateOf(now));
  if ('notTakenIn' in wanted) return notTakenIn(wanted.notTakenIn);
  const made = newRecord(wanted.participant, { id: randomUUID(), ownerOrgId: actor.orgId });
  if ('refusal' in made) return notTakenIn('Not a participant intake can record');

  const match = await confidentMatch(tx, deps, actor, wanted.participant, now);
  const created = await recordParticipant(
    tx,
    actor,
    { ...made.record, sex: client.sex, ...sealSsn(deps.ssn, made.ssn) },
    [{ field: 'hmisImport', oldValue: null, newValue: { ...key, importId: client.importId } }],
  );
  if (!match)
    return done({
      outcome: 'taken_in',
      participantId: created.id,
      linkedToParticipantId: null,
      reason: null,
    });
  await recordLink(
    tx,
    actor,
    {
      survivingId: match.id,
      linkedId: created.id,
      reason: importLinkReason(client, match.score),
    },
    now,
  );
  return done({
    outcome: 'linked',
    participantId: created.id,
    linkedToParticipantId: match.id,
    reason: null,
  });
}

/** The one record the check is confident is this person, that the importer may link: or none. */
async function confidentMatch(
  tx: PoolClient,
  deps: Pick<IntakeDeps, 'pool' | 'clock'>,
  actor: Actor,
  person: { firstName: string; lastName: string; birthDate: string; sex: string },
  now: Date,
): Promise<{ id: string; score: number } | null> {
  const confident = (await findDuplicates(deps, actor, person, 5)).filter(
    (c) => c.score >= CONFIDENT_MATCH,
  );
  // two records as sure as each other: which person is it? Not the import's to say
  if (confident.length !== 1) return null;
  const [best] = confident;
  const found = await findParticipant(tx, best!.participant.id);
  if (!found) return null;
  const writable = decideAccess({ actor, participant: found.sharing, action: 'write', now });
  // a record already one person with others: joining that person asks for the right to all of
  // them, a supervisor's decision (the duplicate scan offers the pair), not the import's
  if (!writable.allowed || (await recordsOfPerson(tx, best!.participant.id)).length > 1)
    return null;
  return { id: best!.participant.id, score: best!.score };
}
