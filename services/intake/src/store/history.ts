import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import type { FieldChange } from '../domain/record';

export async function recordHistory(
  tx: Queryable,
  participantId: string,
  actor: Actor,
  changes: FieldChange[],
): Promise<void> {
  if (!changes.length) return;
  await tx.query(
    `INSERT INTO participant_history (participant_id, changed_by, changed_by_org, field, old_value, new_value)
     SELECT $1, $2, $3, c.field, c.old_value, c.new_value
     FROM jsonb_to_recordset($4::jsonb) AS c(field text, old_value jsonb, new_value jsonb)`,
    [
      participantId,
      actor.userId,
      actor.orgId,
      JSON.stringify(
        changes.map((c) => ({
          field: c.field,
          old_value: c.oldValue ?? null,
          new_value: c.newValue ?? null,
        })),
      ),
    ],
  );
}

export async function historyOf(db: Queryable, participantId: string) {
  const { rows } = await db.query(
    `SELECT changed_at, changed_by, changed_by_org, field, old_value, new_value
     FROM participant_history WHERE participant_id = $1 ORDER BY id DESC LIMIT 500`,
    [participantId],
  );
  return rows.map((r) => ({
    changedAt: (r.changed_at as Date).toISOString(),
    changedBy: r.changed_by as string,
    organizationId: r.changed_by_org as string,
    field: r.field as string,
    oldValue: r.old_value as unknown,
    newValue: r.new_value as unknown,
  }));
}
