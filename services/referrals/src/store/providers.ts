import type { Queryable } from '@hearth/db';
import type { OffersBody } from '../domain/referral';

export interface Offer {
  referralService: string;
  contactName: string;
  contactPhone: string | null;
  contactEmail: string | null;
}

const offerColumns = `o.referral_service AS "referralService", o.contact_name AS "contactName",
  o.contact_phone AS "contactPhone", o.contact_email AS "contactEmail"`;

/** An organization's offers, replaced as a whole (the supervisor sends the list they keep). */
export async function replaceOffers(
  tx: Queryable,
  orgId: string,
  offers: OffersBody['offers'],
  by: string,
  at: Date,
): Promise<void> {
  await tx.query('DELETE FROM provider_offers WHERE org_id = $1', [orgId]);
  if (!offers.length) return;
  await tx.query(
    `INSERT INTO provider_offers
       (org_id, referral_service, contact_name, contact_phone, contact_email, updated_at, updated_by)
     SELECT $1, s, n, p, e, $6, $7
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(s, n, p, e)`,
    [
      orgId,
      offers.map((o) => o.referralService),
      offers.map((o) => o.contactName),
      offers.map((o) => o.contactPhone ?? null),
      offers.map((o) => o.contactEmail ?? null),
      at,
      by,
    ],
  );
}

export async function offersOf(db: Queryable, orgId: string): Promise<Offer[]> {
  const { rows } = await db.query<Offer>(
    `SELECT ${offerColumns} FROM provider_offers o WHERE o.org_id = $1 ORDER BY o.referral_service`,
    [orgId],
  );
  return rows;
}

/** The organization's offer of `service`, or undefined when it does not offer it. */
export async function offerOf(
  db: Queryable,
  orgId: string,
  service: string,
): Promise<Offer | undefined> {
  const { rows } = await db.query<Offer>(
    `SELECT ${offerColumns} FROM provider_offers o
     JOIN organizations org ON org.id = o.org_id
     WHERE o.org_id = $1 AND o.referral_service = $2`,
    [orgId, service],
  );
  return rows[0];
}

export interface ProviderOffer extends Offer {
  orgId: string;
  name: string;
}

/** Organizations offering `service`, by name then id, after the cursor's position. */
export async function providersOffering(
  db: Queryable,
  service: string,
  after: { name: string; orgId: string } | undefined,
  limit: number,
): Promise<ProviderOffer[]> {
  const { rows } = await db.query<ProviderOffer>(
    `SELECT o.org_id AS "orgId", org.name, ${offerColumns}
     FROM provider_offers o JOIN organizations org ON org.id = o.org_id
     WHERE o.referral_service = $1
       AND ($2::text IS NULL OR (org.name, o.org_id) > ($2::text, $3::uuid))
     ORDER BY org.name, o.org_id LIMIT $4`,
    [service, after?.name ?? null, after?.orgId ?? null, limit],
  );
  return rows;
}
