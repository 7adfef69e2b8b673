import { withTransaction } from '@hearth/db';
import type { PoolClient } from 'pg';
import type { ReportingDeps } from '../deps';
import {
  clientRow,
  enrollmentRow,
  exitRow,
  type ImportedFile,
  type RowProblem,
} from '../domain/hud-import-rules';
import type { FileCounts, Refusal } from '../domain/import-report';
import type { ZipEntries } from '../adapters/zip-upload';
import { recordFileLanded, showProgress } from '../store/import-jobs';
import { heldIds, insertPage } from '../store/imports';
import { rowsOf } from './read-hud-zip';

const PAGE = 1000;
const CHECK = { Client: clientRow, Enrollment: enrollmentRow, Exit: exitRow };

export interface ImportJob {
  id: string;
  orgId: string;
}

/**
 * The one point where a file's rows have landed, in the file's transaction: its counts and
 * refusals commit with its rows (anything announcing the rows belongs here too).
 */
async function fileLanded(
  tx: PoolClient,
  job: ImportJob,
  file: ImportedFile,
  counts: FileCounts,
  refusals: Refusal[],
) {
  await recordFileLanded(tx, job.id, file, counts, refusals);
}

/**
 * Imports one file's rows in one transaction (they land together or not at all); its counts are
 * shown as it goes. A row naming a client or enrollment neither this zip nor an earlier import
 * holds is refused. Keeps at most `room` refusals; answers how many it kept.
 */
export async function importHudFile(
  deps: ReportingDeps,
  zip: ZipEntries,
  job: ImportJob,
  file: ImportedFile,
  room: number,
): Promise<number> {
  return withTransaction(deps.pool, async (tx) => {
    // the files before this one have landed: what they hold is held
    const clients = file === 'Client' ? new Set<string>() : await heldIds(tx, job.orgId, 'Client');
    const enrollments =
      file === 'Exit' ? await heldIds(tx, job.orgId, 'Enrollment') : new Set<string>();
    const counts: FileCounts = { read: 0, accepted: 0, alreadyHeld: 0, refused: 0 };
    const refusals: Refusal[] = [];
    let page: object[] = [];
    const flush = async () => {
      const inserted = await (
        insertPage[file] as (t: PoolClient, o: string, i: string, r: object[]) => Promise<number>
      )(tx, job.orgId, job.id, page);
      counts.accepted += inserted;
      counts.alreadyHeld += page.length - inserted;
      page = [];
      await showProgress(deps.pool, job.id, file, counts);
    };
    for await (const { row, values, width, columns } of rowsOf(zip, file)) {
      counts.read++;
      const checked = CHECK[file](values);
      const problems: RowProblem[] = [...checked.problems];
      if (width !== columns.length)
        problems.unshift({
          column: '(row)',
          message: `${columns.length} columns expected, not ${width}`,
        });
      if (checked.record && file !== 'Client' && !clients.has(values.PersonalID))
        problems.push({
          column: 'PersonalID',
          message: 'No such client in Client.csv or an earlier import',
        });
      if (checked.record && file === 'Exit' && !enrollments.has(values.EnrollmentID))
        problems.push({
          column: 'EnrollmentID',
          message: 'No such enrollment in Enrollment.csv or an earlier import',
        });
      if (problems.length) {
        counts.refused++;
        for (const p of problems)
          if (refusals.length < room) refusals.push({ file: `${file}.csv`, row, ...p });
        continue;
      }
      page.push(checked.record!);
      if (page.length >= PAGE) await flush();
    }
    if (page.length) await flush();
    await fileLanded(tx, job, file, counts, refusals);
    return refusals.length;
  });
}
