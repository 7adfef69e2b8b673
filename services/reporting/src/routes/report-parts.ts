import type { Request, Response } from 'express';
import { z } from 'zod';
import { isoDate, unprocessable } from '@hearth/http';

/** What every report's answer counts with. */
export const count = z.number().int().nonnegative();

/** A listed record of a report that counts enrollments: its head or member, and why it counted. */
export const countedEnrollment = z.object({
  participantId: z.string().uuid(),
  enrollmentId: z.string().uuid(),
  detail: z.string().nullable(),
});

/**
 * A report's query: the period, `format=csv` (or `Accept: text/csv`) for the report or its list
 * as CSV, and `list`, a figure whose counted records to list (only those the requester may see).
 */
export const reportQuery = <F extends readonly [string, ...string[]]>(figures: F) =>
  z.strictObject({
    from: isoDate(),
    to: isoDate(),
    format: z.enum(['json', 'csv']).optional(),
    list: z.enum(figures).optional(),
  });

/** The answer's `listed`, present when asked by `list`: the records the requester may see. */
export const listedOf = <F extends readonly [string, ...string[]], I extends z.ZodType>(
  figures: F,
  item: I,
) => z.object({ figure: z.enum(figures), items: z.array(item), withheld: count }).optional();

/** The query's period; one ending before it starts is 422 naming `query.to`. */
export function periodOf(query: { from: string; to: string }) {
  if (query.to < query.from)
    throw unprocessable('The period ends before it starts', [
      { field: 'query.to', message: 'Must be on or after from' },
    ]);
  return { from: query.from, to: query.to };
}

/** CSV when asked by `format=csv`, or by an Accept preferring text/csv to JSON. */
export function wantsCsv(req: Request, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

export function sendCsv(res: Response, name: string, body: string) {
  res.status(200).type('text/csv; charset=utf-8');
  res.set('content-disposition', `attachment; filename="${name}.csv"`);
  res.set('cache-control', 'no-store'); // counts and ids of clients: never in a shared cache
  res.send(body);
}
