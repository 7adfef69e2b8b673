import { randomUUID } from 'node:crypto';
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
import { publishAndWait, type EventReceiver } from '@hearth/testkit';

export const hub = randomUUID();
export const coach = randomUUID();
export const northside = randomUUID();
export const program = randomUUID();
export const names = [
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
export type Name = (typeof names)[number];
export const ids = Object.fromEntries(names.map((n) => [n, randomUUID()])) as Record<Name, string>;
export const records = Object.fromEntries(names.map((n) => [n, randomUUID()])) as Record<
  Name,
  string
>;

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
export async function seedHub(service: EventReceiver) {
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
    pay(randomUUID(), 'gus', 'ESG', '2026-09', 120000, 'paid'),
  );
  await publishAndWait(
    service,
    RentAssistancePaymentRecorded,
    pay(randomUUID(), 'gus', 'ESG', '2026-09', 5000, 'approved'),
  );
  const voided = pay(randomUUID(), 'eveAgain', 'ESG', '2026-10', 90000, 'pending');
  await publishAndWait(service, RentAssistancePaymentRecorded, voided);
  await publishAndWait(service, RentAssistancePaymentVoided, {
    ...voided,
    status: 'voided',
    version: 2,
  });
  await publishAndWait(
    service,
    RentAssistancePaymentPaid,
    pay(randomUUID(), 'hal', 'TANF', '2026-08', 80000, 'paid'),
  );
  await publishAndWait(
    service,
    RentAssistancePaymentPaid,
    pay(randomUUID(), 'gus', 'ESG', '2026-06', 100000, 'paid'),
  );
  const later = pay(randomUUID(), 'eveAgain', 'TANF', '2026-10', 70000, 'pending');
  await publishAndWait(service, RentAssistancePaymentPaid, {
    ...later,
    status: 'paid',
    version: 2,
  });
  // the first version arrives after the second: it changes nothing
  await publishAndWait(service, RentAssistancePaymentRecorded, later);
}
