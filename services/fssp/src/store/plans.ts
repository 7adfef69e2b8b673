import type { Queryable } from '@hearth/db';
import type { PlanMember } from '../domain/plan';

export interface Plan {
  id: string;
  orgId: string;
  familyId: string | null;
  headParticipantId: string;
  enrollmentId: string;
  assessmentDate: string;
  assessmentType: 'initial';
  sixMonthFollowUpDate: string;
  twelveMonthFollowUpDate: string;
  status: 'open' | 'closed';
  closedOn: string | null;
  /** The later assessments of this plan (6-month, 12-month, revisions), by date. */
  followUps: Array<{ id: string; assessmentType: string; assessmentDate: string }>;
  createdBy: string;
  createdAt: string;
  version: number;
  members: PlanMember[];
}

export type NewPlan = Omit<Plan, 'createdAt' | 'version' | 'status' | 'closedOn' | 'followUps'>;

/**
 * The plan and its members in one statement each; a second open plan for the family or a
 * member fails on plan_members' partial unique indexes (the caller turns that into a 409).
 */
export async function insertPlan(tx: Queryable, plan: NewPlan): Promise<void> {
  await tx.query(
    `INSERT INTO plans (id, org_id, family_id, head_participant_id, enrollment_id,
       assessment_date, assessment_type, six_month_follow_up_date, twelve_month_follow_up_date,
       created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      plan.id,
      plan.orgId,
      plan.familyId,
      plan.headParticipantId,
      plan.enrollmentId,
      plan.assessmentDate,
      plan.assessmentType,
      plan.sixMonthFollowUpDate,
      plan.twelveMonthFollowUpDate,
      plan.createdBy,
    ],
  );
  const m = plan.members;
  await tx.query(
    `INSERT INTO plan_members (plan_id, family_id, plan_open, participant_id, is_head, included,
       exclusion_reason, case_note_id, enrollment_id)
     SELECT $1, $2, true, * FROM unnest($3::uuid[], $4::boolean[], $5::boolean[], $6::text[],
       $7::uuid[], $8::uuid[])`,
    [
      plan.id,
      plan.familyId,
      m.map((x) => x.participantId),
      m.map((x) => x.isHead),
      m.map((x) => x.included),
      m.map((x) => x.exclusionReason),
      m.map((x) => x.caseNoteId),
      m.map((x) => x.enrollmentId),
    ],
  );
}

const planColumns = `p.id, p.org_id AS "orgId", p.family_id AS "familyId",
  p.head_participant_id AS "headParticipantId", p.enrollment_id AS "enrollmentId",
  to_char(p.assessment_date, 'YYYY-MM-DD') AS "assessmentDate",
  p.assessment_type AS "assessmentType",
  to_char(p.six_month_follow_up_date, 'YYYY-MM-DD') AS "sixMonthFollowUpDate",
  to_char(p.twelve_month_follow_up_date, 'YYYY-MM-DD') AS "twelveMonthFollowUpDate",
  p.status, to_char(p.closed_on, 'YYYY-MM-DD') AS "closedOn", p.created_by AS "createdBy",
  (SELECT coalesce(json_agg(json_build_object('id', a.id, 'assessmentType', a.assessment_type,
     'assessmentDate', to_char(a.assessment_date, 'YYYY-MM-DD'))
     ORDER BY a.assessment_date, a.recorded_at), '[]')
   FROM plan_assessments a WHERE a.plan_id = p.id) AS "followUps",
  to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt", p.version,
  (SELECT coalesce(json_agg(json_build_object('participantId', m.participant_id,
     'isHead', m.is_head, 'included', m.included, 'exclusionReason', m.exclusion_reason,
     'caseNoteId', m.case_note_id, 'enrollmentId', m.enrollment_id)
     ORDER BY m.is_head DESC, m.participant_id), '[]')
   FROM plan_members m WHERE m.plan_id = p.id) AS members`;

/** One plan; `lock` holds it FOR UPDATE until the caller commits (closing re-reads it). */
export async function findPlan(db: Queryable, id: string, lock = false) {
  const { rows } = await db.query<Plan>(
    `SELECT ${planColumns} FROM plans p WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`,
    [id],
  );
  return rows[0] as Plan | undefined;
}

/** Closed: its members are free to be on another open plan (the unique indexes let go). */
export async function closePlanRow(tx: Queryable, id: string, closedOn: string): Promise<void> {
  await tx.query(
    `UPDATE plans SET status = 'closed', closed_on = $2, version = version + 1 WHERE id = $1`,
    [id, closedOn],
  );
  await tx.query('UPDATE plan_members SET plan_open = false WHERE plan_id = $1', [id]);
}

/** The plans naming a participant (included or not), the latest assessment first. */
export async function plansOf(db: Queryable, participantId: string, limit: number) {
  const { rows } = await db.query<Plan>(
    `SELECT ${planColumns} FROM plans p
     WHERE EXISTS (SELECT 1 FROM plan_members m WHERE m.plan_id = p.id AND m.participant_id = $1)
     ORDER BY p.assessment_date DESC, p.id LIMIT $2`,
    [participantId, limit],
  );
  return rows;
}

/**
 * The plan's status and included members, its row held FOR SHARE until the caller commits, so
 * the plan cannot close between the check and the goal's write.
 */
export async function lockPlanForGoals(db: Queryable, planId: string) {
  const { rows } = await db.query<{
    status: 'open' | 'closed';
    assessmentDate: string;
    included: string[];
  }>(
    `SELECT p.status, to_char(p.assessment_date, 'YYYY-MM-DD') AS "assessmentDate", array(SELECT m.participant_id FROM plan_members m
                            WHERE m.plan_id = p.id AND m.included) AS included
     FROM plans p WHERE p.id = $1 FOR SHARE OF p`,
    [planId],
  );
  return rows[0];
}
