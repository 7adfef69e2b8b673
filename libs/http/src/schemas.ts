import { z } from 'zod';

/** Shapes every API shares (ARCHITECTURE.md, "API shape"). */
export const uuid = () => z.string().uuid();

/**
 * The dates a person's record can hold, from the oldest birth date to the furthest planned end.
 * Postgres takes neither year 0 nor years past 294276, and no human-services date lies outside.
 */
export const DATE_RANGE = { min: '1850-01-01', max: '2200-12-31' } as const;
const DATE_IN_RANGE = /^(18[5-9]\d|19\d\d|2[01]\d\d|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const isoDate = () =>
  z
    .string()
    .regex(DATE_IN_RANGE, `Use YYYY-MM-DD, from ${DATE_RANGE.min} to ${DATE_RANGE.max}`)
    .refine((s) => {
      const day = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s);
    }, 'Not a calendar date')
    .meta({
      format: 'date',
      description: `A calendar date from ${DATE_RANGE.min} to ${DATE_RANGE.max}`,
    });
export const idParams = z.strictObject({ id: uuid() });
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
};
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * An email address as mail servers take it (RFC 5321: at most 64 characters before the @, 254 in
 * all, 63 per domain label), so what we accept is also what the OpenAPI's `format: email` promises.
 */
export const emailAddress = (max = 254) =>
  z
    .email()
    .max(max)
    .refine((s) => {
      const at = s.lastIndexOf('@');
      return (
        at <= 64 &&
        s
          .slice(at + 1)
          .split('.')
          .every((label) => label.length <= 63)
      );
    }, 'Not a deliverable email address (at most 64 characters before the @)');
