import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import type { PoolClient } from 'pg';
import type { ReportingDeps } from '../deps';
import { clientRow, enrollmentRow, exitRow, type ImportedFile } from '../domain/hud-import-rules';
import { funderRow, organizationRow, projectRow } from '../domain/hud-import-projects';
import { servicesRow } from '../domain/hud-import-services';
import type { Checked, Row, RowProblem } from '../domain/hud-row-reader';
import { NO_ROWS, type FileCounts, type Refusal } from '../domain/import-report';
import { planPage, type RowChange, type Stamped } from '../domain/imported-row-changes';
import type { ZipEntries } from '../adapters/zip-upload';
import { recordFileLanded, showProgress } from '../store/import-jobs';
import {
  analyzeImported,
  heldEnrollments,
  heldIds,
  heldStamps,
  hudIdOf,
  insertPage,
  updatePage,
} from '../store/imported-rows';
import { rowsOf } from './read-hud-zip';
import { announceImportedClients } from './announce-imported-rows';
import { announceImportedEnrollments } from './announce-imported-enrollments';
import { announceLaterExits } from './announce-imported-exits';
import { announceImportedServices } from './announce-imported-services';
import { announceImportedProjects } from './announce-imported-projects';

const PAGE = 1000;
const CHECK: Record<ImportedFile, (row: Row) => Checked<object>> = {
  Organization: organizationRow,
  Project: projectRow,
  Funder: funderRow,
  Client: clientRow,
  Enrollment: enrollmentRow,
  Exit: exitRow,
  Services: servicesRow,
};

/** What each file's rows name in an earlier file: the column, the file, what it is called. */
const NAMES: Partial<Record<ImportedFile, [string, ImportedFile, string][]>> = {
  Project: [['OrganizationID', 'Organization', 'organization']],
  Funder: [['ProjectID', 'Project', 'project']],
  Enrollment: [
    ['PersonalID', 'Client', 'client'],
    ['ProjectID', 'Project', 'project'],
  ],
  Exit: [
    ['PersonalID', 'Client', 'client'],
    ['EnrollmentID', 'Enrollment', 'enrollment'],
  ],
  Services: [
    ['PersonalID', 'Client', 'client'],
    ['EnrollmentID', 'Enrollment', 'enrollment'],
  ],
};

/**
 * What a row names that no earlier file nor import holds; an exit or a service on another
 * client's enrollment.
 */
function referenceProblems(
  file: ImportedFile,
  values: Row,
  held: Map<ImportedFile, Set<string>>,
  enrollmentClient: Map<string, string>,
): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const [column, named, what] of NAMES[file] ?? [])
    if (!held.get(named)!.has(values[column]!))
      problems.push({ column, message: `No such ${what} in ${named}.csv or an earlier import` });
  const client = enrollmentClient.get(values.EnrollmentID!);
  if ((file === 'Exit' || file === 'Services') && client && client !== values.PersonalID)
    problems.push({ column: 'PersonalID', message: 'Not the client of that EnrollmentID' });
  return problems;
}

export interface ImportJob {
  id: string;
  orgId: string;
  exportId: string;
  /** Who queued the import: the job acts for them. */
  importer: Actor;
}

/**
 * The one point where a file's rows have landed, in the file's transaction: its counts and
 * refusals commit with its rows, and so does anything announcing them (the rows of this import
 * are those of `job.id` in the file's table; `zip` reads the file again).
 */
async function fileLanded(
  tx: PoolClient,
  job: ImportJob,
  file: ImportedFile,
  zip: ZipEntries,
  counts: FileCounts,
  refusals: Refusal[],
) {
  await recordFileLanded(tx, job.id, file, counts, refusals);
  // clients go to intake once their enrollments have landed: the disabling condition is there
  if (file === 'Enrollment')
    await announceImportedClients(tx, job.importer, {
      importId: job.id,
      exportId: job.exportId,
      zip,
    });
  if (file === 'Funder')
    await announceImportedProjects(tx, job.importer, { importId: job.id, ...job });
  if (file === 'Exit') {
    await announceImportedEnrollments(tx, job.importer, { importId: job.id, ...job });
    await announceLaterExits(tx, job.importer, { importId: job.id, orgId: job.orgId });
  }
  if (file === 'Services')
    await announceImportedServices(tx, job.importer, { importId: job.id, ...job });
}

/**
 * Imports one file's rows in one transaction (they land together or not at all); its counts are
 * shown as it goes. A row we hold from an earlier import is weighed by its DateUpdated and
 * DateDeleted (domain/imported-row-changes.ts). A row naming what neither this zip's earlier files nor an earlier import
 * holds (NAMES) is refused. Keeps at most `room` refusals; answers how many it kept.
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
    const held = new Map<ImportedFile, Set<string>>();
    for (const [, named] of NAMES[file] ?? []) held.set(named, await heldIds(tx, job.orgId, named));
    const enrollmentClient =
      file === 'Exit' || file === 'Services'
        ? await heldEnrollments(tx, job.orgId)
        : new Map<string, string>();
    const counts: FileCounts = { ...NO_ROWS };
    const refusals: Refusal[] = [];
    let page: Stamped[] = [];
    const idOf = hudIdOf(file);
    const flush = async () => {
      const held = await heldStamps(tx, file, job.orgId, page.map(idOf));
      const plan = planPage(page, idOf, held);
      await insertPage(tx, file, job.orgId, job.id, plan.inserts);
      await updatePage(tx, file, job.orgId, plan.updates);
      for (const [change, n] of Object.entries(plan.counts)) counts[change as RowChange] += n;
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
      if (checked.record) problems.push(...referenceProblems(file, values, held, enrollmentClient));
      if (problems.length) {
        counts.refused++;
        for (const p of problems)
          if (refusals.length < room) refusals.push({ file: `${file}.csv`, row, ...p });
        continue;
      }
      page.push(checked.record as Stamped);
      if (page.length >= PAGE) await flush();
    }
    if (page.length) await flush();
    if (counts.accepted + counts.updated + counts.deleted) await analyzeImported(tx, file);
    await fileLanded(tx, job, file, zip, counts, refusals);
    return refusals.length;
  });
}
