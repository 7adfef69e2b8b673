import { z } from 'zod';

/** Per file: rows read, accepted (new here), already held (an earlier import's), refused. */
export const fileCounts = z.object({
  read: z.number().int(),
  accepted: z.number().int(),
  alreadyHeld: z.number().int(),
  refused: z.number().int(),
});
export type FileCounts = z.infer<typeof fileCounts>;

/** One refused row: the file, its row (the header is row 1, as a spreadsheet numbers it), the column. */
export const refusal = z.object({
  file: z.string(),
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type Refusal = z.infer<typeof refusal>;

/** Refusals kept per import: past this only the counts grow (a hostile zip of bad rows). */
export const MAX_REFUSALS = 1000;

export const importReport = z.object({
  id: z.uuid(),
  status: z.literal('completed'),
  zipSha256: z.string(),
  exportId: z.string(),
  files: z.record(z.string(), fileCounts),
  refusals: z.array(refusal),
  createdAt: z.iso.datetime(),
  /** The same zip sent again: nothing new imported, its first import answered. */
  replayed: z.boolean(),
});
export type ImportReport = Omit<
  z.infer<typeof importReport>,
  'status' | 'replayed' | 'createdAt'
> & {
  createdAt: Date;
};
