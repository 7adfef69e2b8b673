import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import {
  EnrollmentCreated,
  PersonLinked,
  RentAssistanceOutcomeRecorded,
  RentAssistancePaymentPaid,
  RentAssistancePaymentRecorded,
  RentAssistancePaymentVoided,
  RentAssistancePreProgramExited,
  ServiceDeleted,
  ServiceRecorded,
  SharingStateChanged,
} from '@hearth/events';
import {
  mintToken,
  publishAndWait,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { readModelConsumers } from '../src/events/consumers';
import { rebuildReadModel } from '../src/events/journal';
import { json } from './json';

let service: TestService;
let hubStaff: Actor;
const hub = randomUUID();
const coach = randomUUID();
const northside = randomUUID();
const program = randomUUID();
const names = [
  'ana',
  'ben',
  'cy',
  'dee',
  'eve',
  'eveAgain',
  'fay',
  'gus',
  'gusAgain',
  'hal',
  'ida',
  'jo',
  'kim',
] as const;
type Name = (typeof names)[number];
const ids = Object.fromEntries(names.map((n) => [n, randomUUID()])) as Record<Name, string>;
const records = Object.fromEntries(names.map((n) => [n, randomUUID()])) as Record<Name, string>;
const payments = {
  p1: randomUUID(),
  p2: randomUUID(),
  p3: randomUUID(),
  p4: randomUUID(),
  p5: randomUUID(),
  p6: randomUUID(),
};

/**
 * A hub's rent-assistance records (the coach's organization enrolls, the hub provides), the
 * period 2026-07-01 … 2026-12-31. RRH/HP = a service that starts participation and is not
 * qualifying (services' flags, as rent-assistance reads them).
 * - Ana: RRH 2025-11-01, exit 2026-01-31 (6 months: 07-31), housed at 6 months.
 * - Ben: RRH 2025-06-01, exit 2025-12-31 (12 months: 12-31), not housed at 12 months.
 * - Cy: HP 2026-01-10, exit 2026-03-31 (6 months: 09-30), unknown at 6 months.
 * - Dee: RRH, exit 2026-02-28, outcome "received RA again": out of the measures.
 * - Eve: RRH, exit 2026-01-15; her new record applied 2026-06-01 (received RA again, as
 *   rent-assistance marks it), RRH there on 08-01.
 * - Fay: pre-program exit (by the hub), an RRH service on 08-05 anyway: out.
 * - Gus: HP 09-10; his second record (linked as one person) HP 10-01.
 * - Hal: Northside's restricted client, RRH 08-15. Ida: exit 2026-01-31, never RRH/HP.
 * - Jo: her only RRH (09-01) deleted. Kim: RRH 2025-05-01, exit 2025-07-31 (12 months: 2026-07-31),
 *   housed at 12 months.
 */
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2027-01-15T12:00:00Z'),
  });
  hubStaff = testActor({ orgId: hub, roles: ['hub_staff'] });
  const ra = async (n: Name, entry: string, exit: string | null, housing: string[] = []) => {
    await publishAndWait(service, SharingStateChanged, {
      participantId: ids[n],
      ownerOrgId: n === 'hal' ? northside : hub,
      securityRestriction: 'restrict_to_org',
      releases: [],
      sharingVersion: 1,
    });
    await publishAndWait(service, EnrollmentCreated, {
      enrollmentId: records[n],
      programId: program,
      programKind: 'rent_assistance',
      orgId: coach,
      serviceProviderOrgId: hub,
      headParticipantId: ids[n],
      memberParticipantIds: [ids[n]],
      applicationDate: entry,
      registrationDate: entry,
      participationDate: housing[0] ?? null,
      lastQualifyingServiceDate: null,
      exitDate: exit,
      status: exit ? 'exit' : 'participation',
    });
    for (const serviceDate of housing) await housingService(n, serviceDate);
  };
  const housingService = (n: Name, serviceDate: string, serviceId = randomUUID()) =>
    publishAndWait(service, ServiceRecorded, {
      serviceId,
      participantId: ids[n],
      enrollmentId: records[n],
      serviceTypeId: 'rapid_rehousing',
      serviceDate,
      startsParticipation: true,
      qualifying: false,
    });
  const outcome = (
    n: Name,
    type: 'six_month_retention' | 'twelve_month_retention' | 'at_exit',
    housingStatus: 'housed' | 'not_housed' | 'unknown' | 'received_ra_again',
  ) =>
    publishAndWait(service, RentAssistanceOutcomeRecorded, {
      enrollmentId: records[n],
      participantId: ids[n],
      hubOrgId: hub,
      type,
      housingStatus,
      recordedOn: '2026-12-01',
    });
  await ra('ana', '2025-10-01', '2026-01-31', ['2025-11-01']);
  await outcome('ana', 'six_month_retention', 'housed');
  await ra('ben', '2025-05-01', '2025-12-31', ['2025-06-01']);
  await outcome('ben', 'twelve_month_retention', 'not_housed');
  await ra('cy', '2026-01-01', '2026-03-31', ['2026-01-10']);
  await outcome('cy', 'six_month_retention', 'unknown');
  await ra('dee', '2025-12-01', '2026-02-28', ['2025-12-05']);
  await outcome('dee', 'at_exit', 'received_ra_again');
  await ra('eve', '2025-11-01', '2026-01-15', ['2025-11-05']);
  // her return: a record of the same participant id at the hub, applied for after the exit
  ids.eveAgain = ids.eve;
  await ra('eveAgain', '2026-06-01', null, ['2026-08-01']);
  await ra('fay', '2026-07-01', null, ['2026-08-05']);
  await publishAndWait(service, RentAssistancePreProgramExited, {
    enrollmentId: records.fay,
    participantId: ids.fay,
    hubOrgId: hub,
    exitDate: '2026-08-16',
    reason: 'not_reviewed_in_45_days',
    caseNoteId: null,
  });
  await ra('gus', '2026-08-01', null, ['2026-09-10']);
  await ra('gusAgain', '2026-09-01', null, ['2026-10-01']);
  await publishAndWait(service, PersonLinked, {
    linkId: randomUUID(),
    personId: ids.gus,
    survivingParticipantId: ids.gus,
    participantIds: [ids.gus, ids.gusAgain],
    at: '2026-10-02T10:00:00.000Z',
  });
  await ra('hal', '2026-07-15', null, ['2026-08-15']);
  await ra('ida', '2025-10-01', '2026-01-31');
  await ra('jo', '2026-08-01', null);
  const joService = randomUUID();
  await housingService('jo', '2026-09-01', joService);
  await publishAndWait(service, ServiceDeleted, {
    serviceId: joService,
    participantId: ids.jo,
    enrollmentId: records.jo,
    serviceTypeId: 'rapid_rehousing',
    serviceDate: '2026-09-01',
    startsParticipation: true,
    qualifying: false,
    version: 2,
  });
  await ra('kim', '2025-04-01', '2025-07-31', ['2025-05-01']);
  await outcome('kim', 'twelve_month_retention', 'housed');

  const pay = (
    paymentId: string,
    n: Name,
    fundingSource: string,
    month: string,
    amountCents: number,
    status: 'pending' | 'approved' | 'paid',
  ) => ({
    paymentId,
    enrollmentId: records[n],
    participantId: ids[n],
    hubOrgId: hub,
    planId: randomUUID(),
    fundingSource,
    paymentType: 'rent' as const,
    paymentDate: `${month}-01`,
    year: Number(month.slice(0, 4)),
    month: Number(month.slice(5)),
    amountCents,
    status,
    adjustment: false,
    version: 1,
  });
  await publishAndWait(
    service,
    RentAssistancePaymentPaid,
    pay(payments.p1, 'gus', 'ESG', '2026-09', 120000, 'paid'),
  );
  await publishAndWait(
    service,
    RentAssistancePaymentRecorded,
    pay(payments.p2, 'gus', 'ESG', '2026-09', 5000, 'approved'),
  );
  const voided = pay(payments.p3, 'eveAgain', 'ESG', '2026-10', 90000, 'pending');
  await publishAndWait(service, RentAssistancePaymentRecorded, voided);
  await publishAndWait(service, RentAssistancePaymentVoided, {
    ...voided,
    status: 'voided',
    version: 2,
  });
  await publishAndWait(
    service,
    RentAssistancePaymentPaid,
    pay(payments.p4, 'hal', 'TANF', '2026-08', 80000, 'paid'),
  );
  await publishAndWait(
    service,
    RentAssistancePaymentPaid,
    pay(payments.p5, 'gus', 'ESG', '2026-06', 100000, 'paid'),
  );
  const later = pay(payments.p6, 'eveAgain', 'TANF', '2026-10', 70000, 'pending');
  await publishAndWait(service, RentAssistancePaymentPaid, {
    ...later,
    status: 'paid',
    version: 2,
  });
  // the first version arrives after the second: it changes nothing
  await publishAndWait(service, RentAssistancePaymentRecorded, later);
}, 120_000);
afterAll(() => service?.close());

const period = 'from=2026-07-01&to=2026-12-31';
const ask = (query: string, actor = hubStaff) =>
  fetch(`${service.url}/api/v1/reports/rent-assistance?${query}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });
async function report(query = period, actor = hubStaff) {
  const res = await ask(query, actor);
  expect(res.status).toBe(200);
  return json(res);
}

test('persons served with RRH/HP count a linked pair once and leave out pre-program exits and deleted services', async () => {
  // Eve (her new record), Gus (two records, one person), Hal; Fay's record ended before the
  // program, Jo's only service was deleted, the others' services are before the period
  expect((await report()).servedWithRrhOrHp).toBe(3);
});

test('housed at 6 and 12 months count the cohort whose retention point falls in the period, received-RA-again episodes left out', async () => {
  const answer = await report();
  // 6 months: Ana (07-31, housed) and Cy (09-30, unknown); Dee (outcome) and Eve (a new record
  // after her exit) received RA again; Ida never had RRH/HP
  expect(answer.housedAt6Months).toEqual({ cohort: 2, housed: 1, percent: 50 });
  // 12 months: Kim (2026-07-31, housed) and Ben (12-31, not housed)
  expect(answer.housedAt12Months).toEqual({ cohort: 2, housed: 1, percent: 50 });
});

test('amounts are summed by funding source and month covered, voided payments left out', async () => {
  expect((await report()).amounts).toEqual([
    // Gus's rent paid and utilities approved; June is before the period
    { fundingSource: 'ESG', month: '2026-09', amountCents: 125000, paidCents: 120000 },
    { fundingSource: 'TANF', month: '2026-08', amountCents: 80000, paidCents: 80000 },
    // Eve's voided 900.00 is out; her 700.00 is paid (its first version arrived last)
    { fundingSource: 'TANF', month: '2026-10', amountCents: 70000, paidCents: 70000 },
  ]);
});

test('a figure lists the records it counted that the requester may see', async () => {
  const served = (await report(`${period}&list=served`)).listed;
  expect(served.items.map((i: { enrollmentId: string }) => i.enrollmentId).sort()).toEqual(
    [records.eveAgain, records.gus, records.gusAgain].sort(),
  );
  expect(served.withheld).toBe(1); // Hal, Northside's restricted client
  const housed6 = (await report(`${period}&list=housed6`)).listed.items;
  expect(housed6).toEqual([
    { participantId: ids.ana, enrollmentId: records.ana, detail: '2026-01-31' },
  ]);
  const paid = (await report(`${period}&list=payments`)).listed;
  expect(paid.items).toHaveLength(3);
  expect(paid.withheld).toBe(1);
});

test('the report comes as CSV; another organization sees none of the hub’s records', async () => {
  const res = await ask(`${period}&format=csv`);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const lines = (await res.text()).split('\r\n');
  expect(lines[0]).toBe('figure,breakdown,value');
  expect(lines).toContain('served_with_rrh_or_hp,,3');
  expect(lines).toContain('amount_cents,ESG 2026-09,125000');
  const other = await report(period, testActor({ orgId: northside, roles: ['hub_staff'] }));
  expect(other).toMatchObject({ servedWithRrhOrHp: 0, amounts: [] });
  expect(other.housedAt6Months).toEqual({ cohort: 0, housed: 0, percent: null });
  const reversed = await ask('from=2026-12-31&to=2026-07-01');
  expect(reversed.status).toBe(422);
  expect((await ask(period, testActor({ orgId: hub, roles: ['admin'] }))).status).toBe(403);
});

test('a rebuild of the read model from its journal gives the same report', async () => {
  const before = await report(`${period}&list=served`);
  await rebuildReadModel(service.pool, readModelConsumers());
  expect(await report(`${period}&list=served`)).toEqual(before);
});
