import type { Queryable } from '@hearth/db';
import type { RaEpisode, RaPayment } from '../domain/rent-assistance-report';

/** A payment as it now stands: a newer version replaces it, an older one delivered late is ignored. */
export async function applyPayment(
  tx: Queryable,
  p: {
    paymentId: string;
    enrollmentId: string;
    participantId: string;
    hubOrgId: string;
    fundingSource: string;
    paymentType: string;
    year: number;
    month: number;
    amountCents: number;
    status: string;
    version: number;
  },
) {
  await tx.query(
    `INSERT INTO ra_payments (payment_id, enrollment_id, participant_id, hub_org_id, funding_source,
       payment_type, covered_month, amount_cents, status, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (payment_id) DO UPDATE SET funding_source = EXCLUDED.funding_source,
       payment_type = EXCLUDED.payment_type, covered_month = EXCLUDED.covered_month,
       amount_cents = EXCLUDED.amount_cents, status = EXCLUDED.status, version = EXCLUDED.version
     WHERE ra_payments.version < EXCLUDED.version`,
    [
      p.paymentId,
      p.enrollmentId,
      p.participantId,
      p.hubOrgId,
      p.fundingSource,
      p.paymentType,
      `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}`,
      p.amountCents,
      p.status,
      p.version,
    ],
  );
}

/** Each outcome type is recorded once (rent-assistance holds it): a repeat changes nothing. */
export async function applyOutcome(
  tx: Queryable,
  o: { enrollmentId: string; type: string; housingStatus: string; recordedOn: string },
) {
  await tx.query(
    `INSERT INTO ra_outcomes (enrollment_id, type, housing_status, recorded_on)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [o.enrollmentId, o.type, o.housingStatus, o.recordedOn],
  );
}

export async function applyPreProgramExit(
  tx: Queryable,
  x: { enrollmentId: string; exitDate: string },
) {
  await tx.query(
    `INSERT INTO ra_pre_program_exits (enrollment_id, exit_date) VALUES ($1, $2)
     ON CONFLICT DO NOTHING`,
    [x.enrollmentId, x.exitDate],
  );
}

/** Rapid Rehousing / Homeless Prevention: services' flags as rent-assistance reads them. */
const HOUSING_SUPPORT = `s.starts_participation AND NOT s.qualifying AND s.date_deleted IS NULL`;

/**
 * The hub's rent-assistance episodes (enrollments of program kind rent_assistance it provides),
 * with what the measures need. "Received RA again" follows rent-assistance's rule (I-Trac RA
 * guide, Received RA Again; its store/outcomes.ts `markReceivedRaAgain` and `hubMeasures`): an
 * outcome so recorded, or a later record of the participant (head) at the hub applied for after
 * the episode's exit (our `entry_date` is enrollment's applicationDate; enrollment refuses one
 * within 90 days: the old record continues then). A pre-program exit is out of the measures
 * either way, so it is not asked here whether the earlier episode was one.
 */
export async function hubEpisodes(
  db: Queryable,
  hubOrgId: string,
  period: { from: string; to: string },
): Promise<RaEpisode[]> {
  const { rows } = await db.query<RaEpisode>(
    `SELECT e.enrollment_id AS "enrollmentId", e.head_participant_id AS "participantId",
       e.exit_date AS "exitDate",
       (e.status = 'pre_program_exit'
         OR EXISTS (SELECT 1 FROM ra_pre_program_exits p WHERE p.enrollment_id = e.enrollment_id)
         OR EXISTS (SELECT 1 FROM hmis_exits x WHERE x.enrollment_id = e.enrollment_id
                    AND x.kind = 'pre_program_exit')) AS "preProgramExit",
       (EXISTS (SELECT 1 FROM ra_outcomes o WHERE o.enrollment_id = e.enrollment_id
                AND o.housing_status = 'received_ra_again')
         OR (e.exit_date IS NOT NULL AND EXISTS (SELECT 1 FROM hmis_enrollments later
              WHERE later.program_kind = 'rent_assistance' AND later.provider_org_id = e.provider_org_id
                AND later.head_participant_id = e.head_participant_id
                AND later.enrollment_id <> e.enrollment_id AND later.entry_date > e.exit_date)))
         AS "receivedRaAgain",
       EXISTS (SELECT 1 FROM hmis_services s WHERE s.enrollment_id = e.enrollment_id
               AND ${HOUSING_SUPPORT}) AS "housingSupport",
       EXISTS (SELECT 1 FROM hmis_services s WHERE s.enrollment_id = e.enrollment_id
               AND ${HOUSING_SUPPORT} AND s.date_provided BETWEEN $2::date AND $3::date)
         AS "housingSupportInPeriod",
       (SELECT o.housing_status FROM ra_outcomes o WHERE o.enrollment_id = e.enrollment_id
         AND o.type = 'six_month_retention') AS "sixMonths",
       (SELECT o.housing_status FROM ra_outcomes o WHERE o.enrollment_id = e.enrollment_id
         AND o.type = 'twelve_month_retention') AS "twelveMonths"
     FROM hmis_enrollments e
     WHERE e.program_kind = 'rent_assistance' AND e.provider_org_id = $1
     ORDER BY e.enrollment_id`,
    [hubOrgId, period.from, period.to],
  );
  return rows;
}

/** The hub's payments covering the period's months (voided ones included: the report sorts). */
export async function hubPayments(
  db: Queryable,
  hubOrgId: string,
  period: { from: string; to: string },
) {
  const { rows } = await db.query<RaPayment>(
    `SELECT payment_id AS "paymentId", enrollment_id AS "enrollmentId",
       participant_id AS "participantId", funding_source AS "fundingSource",
       covered_month AS month, amount_cents AS "amountCents", status
     FROM ra_payments WHERE hub_org_id = $1 AND covered_month BETWEEN $2 AND $3
     ORDER BY funding_source, covered_month, payment_id`,
    [hubOrgId, period.from.slice(0, 7), period.to.slice(0, 7)],
  );
  return rows;
}
