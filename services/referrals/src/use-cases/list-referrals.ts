import { binder, roleAllows, visibleToSql } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { cursorCodec, isoDate, uuid } from '@hearth/http';
import { recordsListedTogether } from '@hearth/people';
import { sharingFactsColumns } from '@hearth/sharing';
import { z } from 'zod';
import type { ReferralsDeps } from '../deps';
import { GRANTING_STATUSES } from '../domain/referral-access';
import type { ReferralStatus } from '../domain/referral-status';
import type { GatedParticipant } from '../routes/participant-gate';
import { listReferrals, type Referral } from '../store/referral-details';

export const referralCursor = cursorCodec(z.strictObject({ referralDate: isoDate(), id: uuid() }));

interface ListQuery {
  status?: ReferralStatus;
  limit: number;
  cursor?: string;
}

async function pageOf(
  deps: Pick<ReferralsDeps, 'pool'>,
  where: string,
  params: unknown[],
  query: ListQuery,
) {
  const after = referralCursor.decode(query.cursor);
  const rows = await listReferrals(deps.pool, where, params, after, query.limit + 1);
  return referralCursor.page(rows, query.limit, (r: Referral) => ({
    referralDate: r.referralDate,
    id: r.id,
  }));
}

/**
 * Referrals sent to the actor's organization, newest first: those whose participant it may see
 * by their sharing, or through the referral's own grant (domain/referral-access), in SQL so a
 * page's limit and cursor count only readable ones.
 */
export function listIncoming(
  deps: Pick<ReferralsDeps, 'pool' | 'clock'>,
  actor: Actor,
  query: ListQuery & { participantId?: string },
) {
  if (!roleAllows(actor, 'read')) return Promise.resolve({ items: [], nextCursor: null });
  const params: unknown[] = [];
  const bind = binder(params);
  const visible = visibleToSql(sharingFactsColumns('sf'), actor, deps.clock(), bind);
  const where = `r.to_org_id = ${bind(actor.orgId)}::uuid
    AND (${bind(query.status ?? null)}::text IS NULL OR r.status = ${bind(query.status ?? null)})
    AND (${bind(query.participantId ?? null)}::uuid IS NULL
      OR r.participant_id = ${bind(query.participantId ?? null)}::uuid)
    AND ((sf.participant_id IS NOT NULL AND ${visible})
      OR r.status = ANY(${bind(GRANTING_STATUSES)}::text[]))`;
  return pageOf(deps, where, params, query);
}

/**
 * A participant's referrals the actor's organization is a side of (the route has passed the
 * gate): as sender when the participant's sharing lets it see them, as receiver also through
 * each referral's grant. A person linked in intake lists the referrals of all their records
 * together to an actor whose organization sees every one by its sharing (libs/people); another
 * (a grant lets no one see the other record) lists this record's alone.
 */
export async function listOfParticipant(
  deps: Pick<ReferralsDeps, 'pool' | 'clock'>,
  actor: Actor,
  participant: GatedParticipant,
  query: ListQuery,
) {
  const records = participant.bySharing
    ? [
        ...(
          await recordsListedTogether(deps.pool, actor, participant.participantId, deps.clock())
        ).keys(),
      ]
    : [participant.participantId];
  const params: unknown[] = [];
  const bind = binder(params);
  const org = `${bind(actor.orgId)}::uuid`;
  const bySharing = `${bind(participant.bySharing)}::boolean`;
  const where = `r.participant_id = ANY(${bind(records)}::uuid[])
    AND (${bind(query.status ?? null)}::text IS NULL OR r.status = ${bind(query.status ?? null)})
    AND ((r.from_org_id = ${org} AND ${bySharing})
      OR (r.to_org_id = ${org}
        AND (${bySharing} OR r.status = ANY(${bind(GRANTING_STATUSES)}::text[]))))`;
  return pageOf(deps, where, params, query);
}
