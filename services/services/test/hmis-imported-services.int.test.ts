import { randomUUID } from 'node:crypto';
import {
  EnrollmentCreated,
  EnrollmentExited,
  HmisEnrollmentRecorded,
  HmisServiceSettled,
  ServiceRecorded,
} from '@hearth/events';
import {
  outboxEvents,
  publishAndWait,
  rowCounts,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW } from './fixtures';
import { imported, importedRow, serviceOf, servicesOfEnrollment } from './hmis-import-fixtures';

/**
 * An HMIS import's Services.csv rows (reporting) recorded once enrollment says which enrollment
 * their EnrollmentID became, whichever arrives first, by the rules a worker's service meets.
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

test('a service imported before its enrollment is known waits, then is recorded as a bed night of the imported program', async () => {
  const s = await imported(service);
  await s.announce(s.serviceRow('S1'));
  expect(await importedRow(service, s.orgId, s.exportId, 'S1')).toMatchObject({ state: 'pending' });
  expect(await servicesOfEnrollment(service, s.enrollment.enrollmentId)).toBe(0);

  await s.recorded();
  const row = await importedRow(service, s.orgId, s.exportId, 'S1');
  expect(row).toMatchObject({ state: 'recorded', reason: null });
  expect(await serviceOf(service, row.recordedAs)).toEqual({
    enrollmentId: s.enrollment.enrollmentId,
    participantId: s.participantId,
    serviceDate: '2026-02-01',
    amountCents: null,
    staffUserId: s.worker.userId,
    name: 'HMIS import: Bed night (4.14)',
    programId: s.programId,
    recordType: 200,
    typeProvided: 200,
    // the other system's history: it moves neither Participation nor the last qualifying date
    startsParticipation: false,
    qualifying: false,
  });
  const announced = (await outboxEvents(service.pool, ServiceRecorded)).filter(
    (e) => e.data.serviceId === row.recordedAs,
  );
  expect(announced).toHaveLength(1);
  expect(announced[0]!.data).toMatchObject({ startsParticipation: false, qualifying: false });
});

test('a service imported after its enrollment is known is recorded at once, its FAAmount in cents, one catalog type per HUD code pair', async () => {
  const s = await imported(service);
  await s.recorded();
  await s.announce(s.serviceRow('S1', { recordType: 152, typeProvided: 1, faAmountCents: 125050 }));
  await s.announce(s.serviceRow('S2', { recordType: 152, typeProvided: 1, faAmountCents: 5 }));
  await s.announce(s.serviceRow('S3', { recordType: 152, typeProvided: 2, faAmountCents: null }));

  const [one, two, three] = await Promise.all(
    ['S1', 'S2', 'S3'].map(async (id) => {
      const row = await importedRow(service, s.orgId, s.exportId, id);
      expect(row).toMatchObject({ state: 'recorded' });
      return serviceOf(service, row.recordedAs);
    }),
  );
  expect(one).toMatchObject({
    amountCents: 125050,
    name: 'HMIS import: SSVF financial assistance (V3.3) type 1',
  });
  expect(two).toMatchObject({ amountCents: 5, name: one.name });
  expect(three).toMatchObject({ name: 'HMIS import: SSVF financial assistance (V3.3) type 2' });
  const types = await service.pool.query(
    'SELECT count(*)::int AS n FROM service_types WHERE program_id = $1',
    [s.programId],
  );
  expect(types.rows[0].n).toBe(2);
});

test('a service imported again (a replay or a later import of the same export) changes nothing', async () => {
  const s = await imported(service);
  await s.recorded();
  await s.announce(s.serviceRow('S1'));
  const tables = ['services', 'service_types', 'hmis_import_services', 'outbox'];
  const before = await rowCounts(service.pool, tables);
  const first = await importedRow(service, s.orgId, s.exportId, 'S1');

  await s.announce(s.serviceRow('S1', { dateProvided: '2026-02-02' }));
  await s.recorded();

  expect(await rowCounts(service.pool, tables)).toEqual(before);
  expect(await importedRow(service, s.orgId, s.exportId, 'S1')).toEqual(first);
  expect((await serviceOf(service, first.recordedAs)).serviceDate).toBe('2026-02-01');
});

test('an imported service the rules refuse is kept with its reason and nothing of it is written', async () => {
  const s = await imported(service);
  await s.recorded();
  const tables = ['services', 'service_types', 'outbox'];
  const before = await rowCounts(service.pool, tables);
  // before the enrollment's project start; after today (2026-03-10); a bed night with an amount
  await s.announce(s.serviceRow('S1', { dateProvided: '2026-01-04' }));
  await s.announce(s.serviceRow('S2', { dateProvided: '2026-03-11' }));
  await s.announce(s.serviceRow('S3', { faAmountCents: 1000 }));

  expect(await importedRow(service, s.orgId, s.exportId, 'S1')).toEqual({
    state: 'refused',
    reason:
      'The service cannot be recorded there.; serviceDate: The enrollment is not active on this date',
    recordedAs: null,
  });
  expect(await importedRow(service, s.orgId, s.exportId, 'S2')).toEqual({
    state: 'refused',
    reason: 'The service cannot be recorded there.; serviceDate: Must not be in the future',
    recordedAs: null,
  });
  expect(await importedRow(service, s.orgId, s.exportId, 'S3')).toEqual({
    state: 'refused',
    reason: 'The service type asks for more.; amountCents: This service type takes no amount',
    recordedAs: null,
  });
  // not even the bed-night type the refused rows would have been recorded as; the outbox holds
  // only the three refusals told to reporting
  expect(await rowCounts(service.pool, tables)).toEqual({ ...before, outbox: before.outbox! + 3 });
  const told = (await outboxEvents(service.pool, HmisServiceSettled)).filter(
    (e) => e.data.exportId === s.exportId,
  );
  expect(told.map((e) => e.data.outcome)).toEqual(['refused', 'refused', 'refused']);
});

test("another organization's enrollment of the same ExportID and EnrollmentID never takes an import's service", async () => {
  const s = await imported(service);
  await s.announce(s.serviceRow('S1'));
  await s.recorded(randomUUID());
  expect(await importedRow(service, s.orgId, s.exportId, 'S1')).toMatchObject({ state: 'pending' });
  expect(await servicesOfEnrollment(service, s.enrollment.enrollmentId)).toBe(0);
});

test('an enrollment id that reaches services before its enrollment does is retried until the read model has it (enrollment’s v1 answer, as an outbox may still hold)', async () => {
  const s = await imported(service);
  const programId = randomUUID();
  const enrollmentId = randomUUID();
  await s.announce(s.serviceRow('S1', { enrollmentId: 'E2' }));
  const recorded = publishAndWait(
    service,
    HmisEnrollmentRecorded,
    {
      importId: randomUUID(),
      exportId: s.exportId,
      enrollmentId: 'E2',
      personalId: 'P1',
      recordedAs: enrollmentId,
      programId,
      participantId: s.participantId,
      exitDate: null,
    },
    { orgId: s.orgId, timeoutMs: 20_000 },
  );
  await new Promise((r) => setTimeout(r, 300));
  await publishAndWait(
    service,
    EnrollmentCreated,
    {
      enrollmentId,
      orgId: s.orgId,
      programId,
      headParticipantId: s.participantId,
      memberParticipantIds: [s.participantId],
      applicationDate: '2026-01-05',
      registrationDate: null,
      participationDate: '2026-01-05',
      lastQualifyingServiceDate: null,
      exitDate: null,
      status: 'participation',
    },
    { orgId: s.orgId },
  );
  await recorded;
  expect(await importedRow(service, s.orgId, s.exportId, 'S1')).toMatchObject({
    state: 'recorded',
  });
});

test('an imported exit waits for the read model, then the exit day counts and the day after does not', async () => {
  const s = await imported(service);
  await s.announce(s.serviceRow('S1', { dateProvided: '2026-02-15' }));
  await s.announce(s.serviceRow('S2', { dateProvided: '2026-02-16' }));
  // enrollment recorded it with its exit on 2026-02-15; the read model has no exit yet
  const recorded = s.recorded(s.orgId, '2026-02-15', 20_000);
  await new Promise((r) => setTimeout(r, 300));
  expect(await importedRow(service, s.orgId, s.exportId, 'S1')).toMatchObject({ state: 'pending' });
  await publishAndWait(
    service,
    EnrollmentExited,
    {
      enrollmentId: s.enrollment.enrollmentId,
      headParticipantId: s.participantId,
      memberParticipantIds: [s.participantId],
      kind: 'exit',
      exitDate: '2026-02-15',
      reason: 'other',
      housingStatusAtExit: 'shelter',
      removedFromPerformance: false,
    },
    { orgId: s.orgId },
  );
  await recorded;
  expect(await importedRow(service, s.orgId, s.exportId, 'S1')).toMatchObject({
    state: 'recorded',
  });
  expect(await importedRow(service, s.orgId, s.exportId, 'S2')).toEqual({
    state: 'refused',
    reason:
      'The service cannot be recorded there.; serviceDate: The enrollment is not active on this date',
    recordedAs: null,
  });
});
