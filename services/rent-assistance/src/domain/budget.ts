import { z } from 'zod';

/** Integer cents, never fractional or negative; a line of ten million dollars is already absurd. */
export const cents = z.number().int().min(0).max(1_000_000_000);

export const budgetLine = z.strictObject({
  kind: z.enum(['income', 'expense']),
  label: z.string().trim().min(1).max(100),
  amountCents: cents,
});
export const saveBudgetBody = z.strictObject({
  lines: z.array(budgetLine).min(1).max(100),
});
export type SaveBudgetBody = z.infer<typeof saveBudgetBody>;

/** Monthly totals of a budget's lines, in cents. */
export function budgetTotals(lines: SaveBudgetBody['lines']) {
  const sum = (kind: 'income' | 'expense') =>
    lines.filter((l) => l.kind === kind).reduce((total, l) => total + l.amountCents, 0);
  const incomeCents = sum('income');
  const expenseCents = sum('expense');
  return { incomeCents, expenseCents, balanceCents: incomeCents - expenseCents };
}
