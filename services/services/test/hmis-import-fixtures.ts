import { randomUUID } from 'node:crypto';
import { HmisEnrollmentSettled, HmisServiceImported, type HmisService } from '@hearth/events';
import { publishAndWait, type TestService } from '@hearth/testkit';
import { enrollmentOf, organization, participantOf } from './fixtures';

/**
 * An organization whose import brought an enrollment (EnrollmentID `E1` of an export) that
 * enrollment recorded as ours, in participation since 2026-01-05 (today is 2026-03-10).
 */
export async function imported(
  service: TestService,
  who: {
    org?: ReturnType<typeof organization>;
    roles?: string[];
    ownerOrgId?: string;
    sharing?: Parameters<typeof participantOf>[2];
  } = {},
) {
  const org = who.org ?? organization();
  if (who.roles) org.worker = { ...org.worker, roles: who.roles };
  const programId = randomUUID();
  const participantId = await participantOf(service, who.ownerOrgId ?? org.orgId, who.sharing);
  const enrollment = await enrollmentOf(service, {
    orgId: org.orgId,
    programId,
    headParticipantId: participantId,
    status: 'participation',
    participationDate: '2026-01-05',
  });
  const exportId = `X${randomUUID().slice(0, 8)}`;
  const importId = randomUUID();
  const importer = { userId: org.worker.userId, name: 'Ima Porter' };
  const serviceRow = (servicesId: string, fields: Partial<HmisService> = {}): HmisService => ({
    importId,
    exportId,
    servicesId,
    enrollmentId: 'E1',
    personalId: 'P1',
    importerRoles: [...org.worker.roles],
    dateProvided: '2026-02-01',
    recordType: 200,
    typeProvided: 200,
    faAmountCents: null,
    ...fields,
  });
  const announce = (row: HmisService) =>
    publishAndWait(service, HmisServiceImported, row, { orgId: org.orgId, actor: importer });
  const recorded = (orgId = org.orgId, exitDate: string | null = null, timeoutMs?: number) =>
    publishAndWait(
      service,
      HmisEnrollmentSettled,
      {
        importId,
        exportId,
        enrollmentId: 'E1',
        personalId: 'P1',
        outcome: 'recorded',
        recordedAs: enrollment.enrollmentId,
        programId,
        participantId,
        exitDate,
      },
      { orgId, actor: importer, timeoutMs },
    );
  /** Enrollment refused the import's E1 (or another of its EnrollmentIDs), for this reason. */
  const refused = (reason: string, enrollmentId = 'E1') =>
    publishAndWait(
      service,
      HmisEnrollmentSettled,
      { importId, exportId, enrollmentId, personalId: 'P1', outcome: 'refused', reason },
      { orgId: org.orgId, actor: importer },
    );
  return {
    ...org,
    programId,
    participantId,
    enrollment,
    exportId,
    importId,
    serviceRow,
    announce,
    recorded,
    refused,
  };
}

export const importedRow = async (
  service: TestService,
  orgId: string,
  exportId: string,
  servicesId: string,
) =>
  (
    await service.pool.query(
      `SELECT state, reason, recorded_as AS "recordedAs" FROM hmis_import_services
       WHERE org_id = $1 AND export_id = $2 AND services_id = $3`,
      [orgId, exportId, servicesId],
    )
  ).rows[0];

export const serviceOf = async (service: TestService, id: string) =>
  (
    await service.pool.query(
      `SELECT s.enrollment_id AS "enrollmentId", s.participant_id AS "participantId",
              s.service_date AS "serviceDate", s.amount_cents AS "amountCents",
              s.staff_user_id AS "staffUserId", t.name, t.program_id AS "programId",
              t.hud_record_type AS "recordType", t.hud_type_provided AS "typeProvided",
              t.starts_participation AS "startsParticipation",
              t.updates_last_qualifying_date AS "qualifying"
       FROM services s JOIN service_types t ON t.id = s.service_type_id WHERE s.id = $1`,
      [id],
    )
  ).rows[0];

export const servicesOfEnrollment = async (service: TestService, enrollmentId: string) =>
  Number(
    (
      await service.pool.query('SELECT count(*) FROM services WHERE enrollment_id = $1', [
        enrollmentId,
      ])
    ).rows[0].count,
  );
