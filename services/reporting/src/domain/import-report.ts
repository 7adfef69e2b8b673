import { z } from 'zod';

/**
 * Per file: rows read, accepted (new here), already held (an earlier import's, as new or newer),
 * updated (an earlier import's row, replaced by this later version), deleted (DateDeleted: ours
 * marked deleted, or never held and not stored), refused.
 */
export const fileCounts = z.object({
  read: z.number().int(),
  accepted: z.number().int(),
  alreadyHeld: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  refused: z.number().int(),
});
export type FileCounts = z.infer<typeof fileCounts>;
export const NO_ROWS: FileCounts = {
  read: 0,
  accepted: 0,
  alreadyHeld: 0,
  updated: 0,
  deleted: 0,
  refused: 0,
};
/** Counts stored before updates and deletions were counted: none of either. */
export const countsAsNow = (files: Record<string, Partial<FileCounts>>) =>
  Object.fromEntries(Object.entries(files).map(([f, c]) => [f, { ...NO_ROWS, ...c }]));

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

/** Why a job refused its whole zip (an entry that cannot be read): as a 422 would say it. */
export const importProblem = z.object({
  title: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ImportProblem = z.infer<typeof importProblem>;

/**
 * An import is a job: `queued` when the upload is stored, `running` while its files are read (the
 * counts grow as it goes), then `done`, or `refused` with its problem (nothing of it imported).
 */
export const importReport = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'done', 'refused']),
  zipSha256: z.string(),
  exportId: z.string(),
  files: z.record(z.string(), fileCounts),
  refusals: z.array(refusal),
  problem: importProblem.nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  /**
   * What intake made of the clients this import added (Client.csv's accepted rows), as its
   * answers arrive: taken in as participants, linked to one already here, not taken in (no name
   * or birth date), still awaiting, or kept here (an id past HUD's 32 characters, never announced).
   */
  clientsInIntake: z.object({
    takenIn: z.number().int(),
    linked: z.number().int(),
    notTakenIn: z.number().int(),
    awaiting: z.number().int(),
    keptHere: z.number().int(),
  }),
  /**
   * What enrollment made of the enrollments this import added (Enrollment.csv's announced rows),
   * as its answers arrive: recorded, refused (each listed by EnrollmentID with the reason), or
   * pending (a client intake has not answered for, a member whose head is not settled).
   */
  enrollmentsInEnrollment: z.object({
    recorded: z.number().int(),
    refused: z.number().int(),
    pending: z.number().int(),
    refusals: z.array(
      z.object({
        file: z.literal('Enrollment.csv'),
        enrollmentId: z.string(),
        message: z.string(),
      }),
    ),
  }),
  /**
   * What the services service made of the services this import added (Services.csv's announced
   * rows), as its answers arrive: recorded, refused (each listed by ServicesID with the reason:
   * its enrollment's refusal among them), or awaiting (its enrollment not settled yet).
   */
  servicesInServices: z.object({
    recorded: z.number().int(),
    refused: z.number().int(),
    awaiting: z.number().int(),
    refusals: z.array(
      z.object({ file: z.literal('Services.csv'), servicesId: z.string(), message: z.string() }),
    ),
  }),
  /**
   * What enrollment made of the exits this import brought for enrollments an earlier import
   * carried onward (the client left after that export): recorded, with their enrollment (still
   * pending there: its answer says), refused (each listed by ExitID with the reason), or awaiting.
   */
  laterExitsInEnrollment: z.object({
    recorded: z.number().int(),
    withEnrollment: z.number().int(),
    refused: z.number().int(),
    awaiting: z.number().int(),
    refusals: z.array(
      z.object({ file: z.literal('Exit.csv'), exitId: z.string(), message: z.string() }),
    ),
  }),
  /** The same zip sent again: nothing new queued, its first import answered. */
  replayed: z.boolean(),
});
export type ImportReport = Pick<
  z.infer<typeof importReport>,
  'id' | 'zipSha256' | 'exportId' | 'files' | 'refusals'
> & {
  createdAt: Date;
};
