import { randomUUID } from 'node:crypto';
import { startServiceForTest, type TestService } from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, organization } from './fixtures';
import { imported, importedRow, servicesOfEnrollment } from './hmis-import-fixtures';

/** An imported service passes the participant gate for writing, as the importer, as of today. */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

describe('an importer the participant gate denies', () => {
  const denials = async (userId: string, participantId: string) =>
    (
      await service.pool.query(
        'SELECT action, reason FROM access_denials WHERE user_id = $1 AND participant_id = $2',
        [userId, participantId],
      )
    ).rows;

  test('a role that writes no record: refused, the denial audited, nothing written', async () => {
    const s = await imported(service, { roles: ['contract_manager'] });
    await s.recorded();
    await s.announce(s.serviceRow('S1'));
    expect(await importedRow(service, s.orgId, s.exportId, 'S1')).toEqual({
      state: 'refused',
      reason: 'The importer may not record services for this client (role_cannot_write)',
      recordedAs: null,
    });
    expect(await servicesOfEnrollment(service, s.enrollment.enrollmentId)).toBe(0);
    expect(await denials(s.worker.userId, s.participantId)).toEqual([
      { action: 'write', reason: 'role_cannot_write' },
    ]);
  });

  test("another agency's client whose release to the importer has expired: refused", async () => {
    const owner = randomUUID();
    const importerOrg = organization();
    const s = await imported(service, {
      org: importerOrg,
      ownerOrgId: owner,
      sharing: {
        securityRestriction: 'share_mou',
        releases: [{ toOrgId: importerOrg.orgId, beginDate: '2025-01-01', endDate: '2026-02-28' }],
      },
    });
    await s.recorded();
    await s.announce(s.serviceRow('S1'));
    // the release ended 2026-02-28; today is 2026-03-10
    expect(await importedRow(service, s.orgId, s.exportId, 'S1')).toEqual({
      state: 'refused',
      reason: 'The importer may not record services for this client (release_expired)',
      recordedAs: null,
    });
    expect(await servicesOfEnrollment(service, s.enrollment.enrollmentId)).toBe(0);
    expect(await denials(s.worker.userId, s.participantId)).toEqual([
      { action: 'write', reason: 'release_expired' },
    ]);
  });

  test('the same client while the release is active: recorded', async () => {
    const importerOrg = organization();
    const s = await imported(service, {
      org: importerOrg,
      ownerOrgId: randomUUID(),
      sharing: {
        securityRestriction: 'share_mou',
        releases: [{ toOrgId: importerOrg.orgId, beginDate: '2025-01-01', endDate: '2026-12-31' }],
      },
    });
    await s.recorded();
    await s.announce(s.serviceRow('S1'));
    expect(await importedRow(service, s.orgId, s.exportId, 'S1')).toMatchObject({
      state: 'recorded',
    });
  });
});
