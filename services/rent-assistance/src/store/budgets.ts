import type { Queryable } from '@hearth/db';
import type { SaveBudgetBody } from '../domain/budget';

export interface Budget {
  id: string;
  participantId: string;
  orgId: string;
  savedOn: string;
  savedBy: string;
  savedAt: string;
  incomeCents: number;
  expenseCents: number;
  balanceCents: number;
  lines: SaveBudgetBody['lines'];
}

export async function insertBudget(
  tx: Queryable,
  b: Omit<Budget, 'balanceCents' | 'savedAt'> & { savedAt: Date },
) {
  await tx.query(
    `INSERT INTO budgets (id, participant_id, org_id, saved_on, saved_by, saved_at, income_cents,
       expense_cents) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      b.id,
      b.participantId,
      b.orgId,
      b.savedOn,
      b.savedBy,
      b.savedAt,
      b.incomeCents,
      b.expenseCents,
    ],
  );
  await tx.query(
    `INSERT INTO budget_lines (budget_id, position, kind, label, amount_cents)
     SELECT $1, p, k, l, a FROM unnest($2::text[], $3::text[], $4::bigint[])
       WITH ORDINALITY AS x(k, l, a, p)`,
    [
      b.id,
      b.lines.map((l) => l.kind),
      b.lines.map((l) => l.label),
      b.lines.map((l) => l.amountCents),
    ],
  );
}

/** The participant's latest saved budget, with its lines in their order. */
export async function latestBudgetOf(
  db: Queryable,
  participantId: string,
): Promise<Budget | undefined> {
  const { rows } = await db.query<Omit<Budget, 'lines'>>(
    `SELECT id, participant_id AS "participantId", org_id AS "orgId",
       to_char(saved_on, 'YYYY-MM-DD') AS "savedOn", saved_by AS "savedBy",
       to_char(saved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "savedAt",
       income_cents::float8 AS "incomeCents", expense_cents::float8 AS "expenseCents",
       (income_cents - expense_cents)::float8 AS "balanceCents"
     FROM budgets WHERE participant_id = $1 ORDER BY saved_at DESC, id LIMIT 1`,
    [participantId],
  );
  const budget = rows[0];
  if (!budget) return undefined;
  const lines = await db.query<Budget['lines'][number]>(
    `SELECT kind, label, amount_cents::int AS "amountCents" FROM budget_lines
     WHERE budget_id = $1 ORDER BY position`,
    [budget.id],
  );
  return { ...budget, lines: lines.rows };
}
