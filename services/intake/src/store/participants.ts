import type { Queryable } from '@hearth/db';
import type { InformationRelease, ParticipantSharing } from '@hearth/access';
import type { NewParticipant, ParticipantView } from '../domain/participant';

interface ParticipantRow {
  id: string;
  owner_org_id: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  birth_date: string;
  sex: ParticipantView['sex'];
  security_restriction: ParticipantView['securityRestriction'];
  created_at: Date;
}

const toView = (r: ParticipantRow): ParticipantView => ({
  id: r.id,
  ownerOrgId: r.owner_org_id,
  firstName: r.first_name,
  middleName: r.middle_name,
  lastName: r.last_name,
  birthDate: r.birth_date,
  sex: r.sex,
  securityRestriction: r.security_restriction,
  createdAt: r.created_at.toISOString(),
});

export async function insertParticipant(
  tx: Queryable,
  p: NewParticipant & { id: string; ownerOrgId: string; createdBy: string },
): Promise<ParticipantView> {
  const { rows } = await tx.query<ParticipantRow>(
    `INSERT INTO participants (id, owner_org_id, first_name, middle_name, last_name, birth_date, sex, security_restriction, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [
      p.id,
      p.ownerOrgId,
      p.firstName,
      p.middleName ?? null,
      p.lastName,
      p.birthDate,
      p.sex ?? null,
      p.securityRestriction,
      p.createdBy,
    ],
  );
  return toView(rows[0]);
}

/** The participant with what the access rules need to decide who may see it. */
export async function findParticipant(
  db: Queryable,
  id: string,
): Promise<{ view: ParticipantView; sharing: ParticipantSharing } | undefined> {
  const { rows } = await db.query<ParticipantRow>('SELECT * FROM participants WHERE id = $1', [id]);
  if (!rows[0]) return undefined;
  const releases = await db.query<{
    to_org_id: string;
    begin_date: string;
    end_date: string;
    revoked_at: Date | null;
  }>(
    'SELECT to_org_id, begin_date, end_date, revoked_at FROM information_releases WHERE participant_id = $1',
    [id],
  );
  const view = toView(rows[0]);
  return {
    view,
    sharing: {
      ownerOrgId: view.ownerOrgId,
      restriction: view.securityRestriction,
      releases: releases.rows.map((r): InformationRelease => ({
        toOrgId: r.to_org_id,
        beginDate: r.begin_date,
        endDate: r.end_date,
        revokedAt: r.revoked_at?.toISOString() ?? null,
      })),
    },
  };
}
