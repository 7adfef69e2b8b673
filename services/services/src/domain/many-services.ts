import type { FieldError } from '@hearth/http';

/** One service for at most this many participants per request (a program's quick entry). */
export const MAX_PARTICIPANTS_PER_REQUEST = 1000;

/**
 * all_or_nothing: any refused row and nothing is written (422). valid_rows: the valid rows are
 * written and each refused one reported by index (201 with `refused`; 422 when none is valid).
 */
export const manyServicesModes = ['all_or_nothing', 'valid_rows'] as const;
export type ManyServicesMode = (typeof manyServicesModes)[number];

/** A participant gets one service per request: each row naming one again is refused. */
export function duplicateParticipantProblems(
  rows: ReadonlyArray<{ participantId: string }>,
  label: string,
): FieldError[][] {
  const first = new Map<string, number>();
  return rows.map((row, i) => {
    const earlier = first.get(row.participantId);
    if (earlier === undefined) {
      first.set(row.participantId, i);
      return [];
    }
    return [{ field: 'participantId', message: `Listed already at ${label}.${earlier}` }];
  });
}

export interface RowRefusal extends FieldError {
  row: number;
  participantId: string;
}

/**
 * Which rows are written and which refused, each refusal named `<label>.<i>.<field>`: a participant
 * listed again is refused first, then a row has the problems `problemsOf` finds (none: valid).
 */
export function splitRows<R extends { participantId: string }>(
  rows: readonly R[],
  label: string,
  problemsOf: (row: R, index: number) => FieldError[],
): { valid: Array<R & { row: number }>; refused: RowRefusal[] } {
  const duplicates = duplicateParticipantProblems(rows, label);
  const valid: Array<R & { row: number }> = [];
  const refused: RowRefusal[] = [];
  rows.forEach((r, row) => {
    const errors = duplicates[row].length ? duplicates[row] : problemsOf(r, row);
    if (!errors.length) valid.push({ ...r, row });
    for (const e of errors)
      refused.push({
        row,
        participantId: r.participantId,
        ...e,
        field: `${label}.${row}.${e.field}`,
      });
  });
  return { valid, refused };
}
