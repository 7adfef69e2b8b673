import { readFileSync } from 'node:fs';
import archiver from 'archiver';
import type { Actor } from '@hearth/auth';
import { mintToken, type TestService } from '@hearth/testkit';
import type { FileCounts, Refusal } from '../src/domain/import-report';
import { HUD_FILE_NAMES, HUD_FILES } from '../src/domain/hud-files';

/** An import's answer, or a problem's (errors). */
export interface Answer {
  id: string;
  status: string;
  exportId: string;
  replayed: boolean;
  files: Record<string, FileCounts>;
  refusals: Refusal[];
  problem: { title: string; errors: { field: string; message: string }[] } | null;
  errors?: { field: string; message: string }[];
}

export const SAMPLE_ZIP = '/work/shared/hud/sample-hmis-data-fy2026.zip';
export const sampleZip = () => readFileSync(SAMPLE_ZIP);

const EXPORT_ROW =
  '"EXP1",1,"XX-501","Elsewhere HMIS","","","","","",2026-08-13 19:06:16,2019-10-01,2026-09-30,"Other","v1","2026 v1.0",3,2,1,""';

/** A zip of HUD's 24 files, each its FY2026 header row, with the rows given (CSV lines) after it. */
export async function zipOf(
  rows: Partial<Record<string, string[]>>,
  options: { header?: Record<string, string>; leaveOut?: string[]; extra?: string[] } = {},
): Promise<Buffer> {
  const zip = archiver('zip');
  const chunks: Buffer[] = [];
  zip.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => zip.on('end', resolve));
  for (const file of HUD_FILE_NAMES) {
    if (options.leaveOut?.includes(file)) continue;
    const header = options.header?.[file] ?? HUD_FILES[file].join(',');
    const lines = rows[file] ?? (file === 'Export' ? [EXPORT_ROW] : []);
    zip.append([header, ...lines].join('\r\n') + '\r\n', { name: `${file}.csv` });
  }
  for (const name of options.extra ?? []) zip.append('x', { name });
  await zip.finalize();
  await ended;
  return Buffer.concat(chunks);
}

/** A CSV row of a file from its columns by name: the others empty. */
export function row(file: keyof typeof HUD_FILES, values: Record<string, string | number>) {
  return HUD_FILES[file]
    .map((c) => {
      const v = values[c];
      return v === undefined ? '' : typeof v === 'number' ? String(v) : `"${v}"`;
    })
    .join(',');
}

export const stamps = { DateCreated: '2024-01-02 03:04:05', DateUpdated: '2024-01-02 03:04:05' };
export const client = (id: string, more: Record<string, string | number> = {}) =>
  row('Client', {
    PersonalID: id,
    FirstName: 'Ada',
    LastName: 'Lind',
    NameDataQuality: 1,
    DOB: '1990-04-01',
    DOBDataQuality: 1,
    ...stamps,
    ...more,
  });
export const enrollment = (
  id: string,
  personalId: string,
  more: Record<string, string | number> = {},
) =>
  row('Enrollment', {
    EnrollmentID: id,
    PersonalID: personalId,
    ProjectID: 'P1',
    EntryDate: '2025-01-15',
    HouseholdID: `${id}HH`,
    RelationshipToHoH: 1,
    ...stamps,
    ...more,
  });
export const exit = (
  id: string,
  enrollmentId: string,
  personalId: string,
  more: Record<string, string | number> = {},
) =>
  row('Exit', {
    ExitID: id,
    EnrollmentID: enrollmentId,
    PersonalID: personalId,
    ExitDate: '2025-06-30',
    Destination: 410,
    ...stamps,
    ...more,
  });

export const organization = (id: string, more: Record<string, string | number> = {}) =>
  row('Organization', {
    OrganizationID: id,
    OrganizationName: `Agency ${id}`,
    VictimServiceProvider: 0,
    ...stamps,
    ...more,
  });
export const project = (id: string, orgId: string, more: Record<string, string | number> = {}) =>
  row('Project', {
    ProjectID: id,
    OrganizationID: orgId,
    ProjectName: `Project ${id}`,
    OperatingStartDate: '2020-01-01',
    ContinuumProject: 1,
    ProjectType: 13,
    ...stamps,
    ...more,
  });
export const service = (
  id: string,
  enrollmentId: string,
  personalId: string,
  more: Record<string, string | number> = {},
) =>
  row('Services', {
    ServicesID: id,
    EnrollmentID: enrollmentId,
    PersonalID: personalId,
    DateProvided: '2025-02-01',
    RecordType: 200,
    TypeProvided: 200,
    ...stamps,
    ...more,
  });
/** The organization and project every enrollment of these tests names (ProjectID P1). */
export const projectP1 = { Organization: [organization('O1')], Project: [project('P1', 'O1')] };

export async function postImport(
  service: TestService,
  actor: Actor,
  zip: Buffer,
  name = 'export.zip',
) {
  const form = new FormData();
  form.append('file', new Blob([zip], { type: 'application/zip' }), name);
  const res = await fetch(`${service.url}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${mintToken(actor)}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

export const getImport = async (service: TestService, actor: Actor, id: string) => {
  const res = await fetch(`${service.url}/api/v1/imports/${id}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });
  return { status: res.status, body: (await res.json()) as Answer };
};

/**
 * Follows an import until its job ends (done or refused), keeping every answer seen on the way:
 * the progress a user watching it would have seen.
 */
export async function untilFinished(service: TestService, actor: Actor, id: string) {
  const seen: Answer[] = [];
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const { status, body } = await getImport(service, actor, id);
    if (status !== 200) throw new Error(`GET /imports/${id} answered ${status}`);
    seen.push(body);
    if (body.status === 'done' || body.status === 'refused') return { final: body, seen };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} did not finish`);
}

/** Posts a zip and follows its job to the end. */
export async function importToEnd(service: TestService, actor: Actor, zip: Buffer) {
  const queued = await postImport(service, actor, zip);
  if (queued.status !== 202) throw new Error(`POST /imports answered ${queued.status}`);
  return (await untilFinished(service, actor, queued.body.id)).final;
}

export async function importedCounts(service: TestService, orgId: string) {
  const { rows } = await service.pool.query(
    `SELECT (SELECT count(*)::int FROM hmis_imported_clients WHERE org_id = $1) AS clients,
            (SELECT count(*)::int FROM hmis_imported_enrollments WHERE org_id = $1) AS enrollments,
            (SELECT count(*)::int FROM hmis_imported_exits WHERE org_id = $1) AS exits,
            (SELECT count(*)::int FROM hmis_imports WHERE org_id = $1) AS imports`,
    [orgId],
  );
  return rows[0] as { clients: number; enrollments: number; exits: number; imports: number };
}

/** The organization's imported Organization, Project and Services rows. */
export async function importedOtherCounts(service: TestService, orgId: string) {
  const { rows } = await service.pool.query(
    `SELECT (SELECT count(*)::int FROM hmis_imported_organizations WHERE org_id = $1) AS organizations,
            (SELECT count(*)::int FROM hmis_imported_projects WHERE org_id = $1) AS projects,
            (SELECT count(*)::int FROM hmis_imported_services WHERE org_id = $1) AS services`,
    [orgId],
  );
  return rows[0] as { organizations: number; projects: number; services: number };
}

/**
 * The zip with one entry's unpacked size in its central directory set to `size`: an entry that
 * inflates to more than it declares (how a zip bomb slips past a size check).
 */
export function declaringSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < out.readUInt16LE(end + 10); i++) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('utf8', at + 46, at + 46 + nameLength) === name)
      out.writeUInt32LE(size, at + 24);
    at += 46 + nameLength + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
