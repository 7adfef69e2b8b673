import { randomUUID } from 'node:crypto';
import { startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { at, exportedBy, hex } from './export-harness';
import { carriedOnward, imported, s1Changed, type S1Fate } from './onward-fixtures';

/**
 * One record, one row for services: an imported service the services service recorded is ours,
 * written once from the read model (its date and existence as Hearth holds them now) under the
 * sender's ServicesID, RecordType, TypeProvided and FAAmount; one refused, or whose answer has not
 * come, is the imported row as it came. S1: SSVF financial assistance (152), rental assistance
 * (1), $1,250.00 on 2025-02-01, of E1 / C1; the bed night is ours alone, 2025-03-01 on E1.
 */
let reportingService: TestService;
beforeAll(async () => {
  reportingService = await startServiceForTest(reporting, reportingEnv);
}, 60_000);
afterAll(() => reportingService?.close());

const year = { startDate: '2025-01-01', endDate: '2025-12-31' };
const SENT_STAMP = '2024-01-02 03:04:05'; // the sender's DateCreated / DateUpdated of S1

async function onward(fate: S1Fate) {
  const importer = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  const importId = await imported(reportingService, importer);
  const our = await carriedOnward(reportingService, importer, importId, fate);
  return { importer, our };
}

type Files = Awaited<ReturnType<typeof exportedBy>>;
const services = (files: Files) =>
  files
    .records('Services')
    .map((r) => [r.ServicesID, r.EnrollmentID, r.PersonalID, r.DateProvided, r.RecordType])
    .sort();
const s1Of = (files: Files) => files.records('Services').filter((r) => r.ServicesID === 'S1');

/** Every Services row names an enrollment of the export, with that enrollment's client. */
function expectResolved(files: Files) {
  const clients = new Set(files.records('Client').map((r) => r.PersonalID));
  const enrollments = new Map(files.records('Enrollment').map((r) => [r.EnrollmentID, r]));
  for (const r of files.records('Services')) {
    expect(enrollments.get(r.EnrollmentID!)?.PersonalID).toBe(r.PersonalID);
    expect(clients.has(r.PersonalID!)).toBe(true);
  }
}

describe('an imported service carried onward, exported', () => {
  it('recorded here: one row, ours, under the sender’s ServicesID, codes and amount', async () => {
    const { importer, our } = await onward('recorded');
    const files = await exportedBy(reportingService, importer, year);
    // S1 once (not imported + ours), the bed night: 2 rows
    expect(services(files)).toEqual(
      [
        ['S1', 'E1', 'C1', '2025-02-01', '152'],
        [hex(our.bedNight), 'E1', 'C1', '2025-03-01', '200'],
      ].sort(),
    );
    const [s1] = s1Of(files);
    expect(s1).toMatchObject({ TypeProvided: '1', FAAmount: '1250.00' });
    // the record as Hearth holds it: recorded here, not the sender's stamps
    expect(s1!.DateCreated).not.toBe(SENT_STAMP);
    expectResolved(files);
  });

  it('edited here: the new date, still once', async () => {
    const { importer, our } = await onward('recorded');
    const edited = await s1Changed(reportingService, importer, our, { serviceDate: '2025-03-15' });
    const files = await exportedBy(reportingService, importer, year);
    expect(services(files)).toEqual(
      [
        ['S1', 'E1', 'C1', '2025-03-15', '152'],
        [hex(our.bedNight), 'E1', 'C1', '2025-03-01', '200'],
      ].sort(),
    );
    expect(s1Of(files)[0]).toMatchObject({
      TypeProvided: '1',
      FAAmount: '1250.00',
      DateUpdated: at(edited.occurredAt),
    });
    expectResolved(files);
  });

  it('edited out of the range: neither row, though the imported date is in it', async () => {
    const { importer, our } = await onward('recorded');
    await s1Changed(reportingService, importer, our, { serviceDate: '2025-04-10' });
    // January and February: the household is open, S1 came dated 2025-02-01, is 2025-04-10 now;
    // the bed night (2025-03-01) is after the range
    const files = await exportedBy(reportingService, importer, {
      startDate: '2025-01-01',
      endDate: '2025-02-28',
    });
    expect(files.records('Enrollment').map((r) => r.EnrollmentID)).toContain('E1');
    expect(files.records('Services')).toEqual([]);
  });

  it('deleted here: no row of it at all', async () => {
    const { importer, our } = await onward('recorded');
    await s1Changed(reportingService, importer, our, 'deleted');
    const files = await exportedBy(reportingService, importer, year);
    expect(services(files)).toEqual([[hex(our.bedNight), 'E1', 'C1', '2025-03-01', '200']]);
  });

  it.each(['refused', 'awaited'] as const)(
    '%s: the imported row as it came, once',
    async (fate) => {
      const { importer, our } = await onward(fate);
      const files = await exportedBy(reportingService, importer, year);
      expect(services(files)).toEqual(
        [
          ['S1', 'E1', 'C1', '2025-02-01', '152'],
          [hex(our.bedNight), 'E1', 'C1', '2025-03-01', '200'],
        ].sort(),
      );
      expect(s1Of(files)[0]).toMatchObject({
        TypeProvided: '1',
        FAAmount: '1250.00',
        DateCreated: SENT_STAMP,
        DateUpdated: SENT_STAMP,
      });
      expectResolved(files);
    },
  );
});
