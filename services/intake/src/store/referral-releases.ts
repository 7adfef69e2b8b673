import type { Queryable } from '@hearth/db';

/** The organization that took the participant in, if intake knows them. */
export async function ownerOrgOf(
  db: Queryable,
  participantId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ owner_org_id: string }>(
    'SELECT owner_org_id FROM participants WHERE id = $1',
    [participantId],
  );
  return rows[0]?.owner_org_id;
}

/** Remember that a referral ended (first time wins). */
export async function endReferral(tx: Queryable, referralId: string, at: Date): Promise<void> {
  await tx.query(
    'INSERT INTO ended_referrals (referral_id, ended_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [referralId, at],
  );
}

export async function isReferralEnded(db: Queryable, referralId: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM ended_referrals WHERE referral_id = $1', [
    referralId,
  ]);
  return (rowCount ?? 0) > 0;
}
