import { randomUUID } from 'node:crypto';
import {
  CaseNoteAdded,
  DocumentUploaded,
  EnrollmentCreated,
  OrganizationCreated,
  ServiceRecorded,
  type EnrollmentSnapshot,
} from '@hearth/events';
import {
  apiClient,
  publishAndWait,
  sharedParticipant,
  testActor,
  type TestService,
} from '@hearth/testkit';

/**
 * The service's "now" in these tests: 03:00 UTC on Sep 11, 2026, still Sep 10 (22:00) in Chicago,
 * the organizations' time zone, and on the earliest calendar on Earth: their today is 2026-09-10.
 */
export const NOW = new Date('2026-09-11T03:00:00Z');
export const TODAY = '2026-09-10';

let version = 1000;

export async function organization(service: TestService) {
  const orgId = randomUUID();
  await publishAndWait(
    service,
    OrganizationCreated,
    {
      organizationId: orgId,
      name: 'Agency',
      kind: 'other',
      timeZone: 'America/Chicago',
      version: ++version,
    },
    { orgId },
  );
  return orgId;
}

/**
 * A career coach's organization and the hub it refers to, a participant of the coach's whose
 * release lets the hub in (until `releaseEnd`), and an RA enrollment created by the coach with the
 * hub as service provider.
 */
export async function referral(
  service: TestService,
  options: {
    applicationDate?: string;
    releaseEnd?: string;
    hubOrgId?: string;
    totalAmountRequestedCents?: number | null;
  } = {},
) {
  const coachOrgId = await organization(service);
  const hubOrgId = options.hubOrgId ?? (await organization(service));
  const participantId = await sharedParticipant(service.pool, coachOrgId, {
    securityRestriction: 'share_mou',
    releases: [
      { toOrgId: hubOrgId, beginDate: '2026-01-01', endDate: options.releaseEnd ?? '2027-12-31' },
    ],
  });
  const enrollmentId = await raEnrollment(service, coachOrgId, participantId, {
    serviceProviderOrgId: hubOrgId,
    applicationDate: options.applicationDate ?? '2026-09-01',
    totalAmountRequestedCents: options.totalAmountRequestedCents ?? null,
  });
  return {
    coachOrgId,
    hubOrgId,
    participantId,
    enrollmentId,
    coach: testActor({ orgId: coachOrgId, roles: ['caseworker'] }),
    hub: testActor({ orgId: hubOrgId, roles: ['hub_staff'], name: 'Hub Staff' }),
  };
}

export async function raEnrollment(
  service: TestService,
  orgId: string,
  participantId: string,
  more: Partial<EnrollmentSnapshot> = {},
) {
  const snapshot: EnrollmentSnapshot = {
    enrollmentId: randomUUID(),
    programId: randomUUID(),
    programKind: 'rent_assistance',
    orgId,
    headParticipantId: participantId,
    memberParticipantIds: [],
    applicationDate: '2026-09-01',
    registrationDate: null,
    participationDate: null,
    lastQualifyingServiceDate: null,
    exitDate: null,
    status: 'application',
    ...more,
  };
  await publishAndWait(service, EnrollmentCreated, snapshot, { orgId });
  return snapshot.enrollmentId;
}

export async function document(
  service: TestService,
  r: { participantId: string; coachOrgId: string },
  kind: { category: string; documentType: string },
  documentDate: string,
) {
  const documentId = randomUUID();
  await publishAndWait(service, DocumentUploaded, {
    documentId,
    participantId: r.participantId,
    orgId: r.coachOrgId,
    ...kind,
    documentDate,
    confidentiality: 'confidential',
  });
  return documentId;
}

export const CAREER_PLAN = { category: 'individual-plan', documentType: 'career-plan' };
export const SIGNED_APPLICATION = {
  category: 'signed-application',
  documentType: 'program-application',
};

/** A service on the record, with the flags the RA program's catalog gives its type. */
export async function service(
  target: TestService,
  r: { participantId: string; enrollmentId: string },
  kind: 'coaching' | 'housing_support' | 'final_rent_exit',
  serviceDate: string,
) {
  const serviceId = randomUUID();
  await publishAndWait(target, ServiceRecorded, {
    serviceId,
    participantId: r.participantId,
    enrollmentId: r.enrollmentId,
    serviceTypeId: randomUUID(),
    serviceDate,
    startsParticipation: kind !== 'coaching',
    qualifying: kind !== 'housing_support',
  });
  return serviceId;
}

export async function caseNote(target: TestService, participantId: string, orgId: string) {
  const noteId = randomUUID();
  await publishAndWait(target, CaseNoteAdded, {
    noteId,
    participantId,
    orgId,
    authorUserId: randomUUID(),
    staffUserId: randomUUID(),
    noteDate: TODAY,
    restriction: 'org',
    readOnly: false,
    version: 1,
  });
  return noteId;
}

export const budgetLines = [
  { kind: 'income', label: 'Wages', amountCents: 250_000 },
  { kind: 'expense', label: 'Rent', amountCents: 140_050 },
  { kind: 'expense', label: 'Food', amountCents: 45_025 },
];

/**
 * A referral the hub accepted (plan, budget and signed application in place, reviewed today), with
 * a coaching service copied in on 2025-11-03 and a second hub user to approve payments.
 */
export async function acceptedReferral(
  target: TestService,
  {
    applicationDate = '2026-09-01',
    coachingOn = '2025-11-03' as string | null,
    hubOrgId = undefined as string | undefined,
    totalAmountRequestedCents = null as number | null,
  } = {},
) {
  const r = await referral(target, { applicationDate, hubOrgId, totalAmountRequestedCents });
  await document(target, r, CAREER_PLAN, '2026-08-01');
  await document(target, r, SIGNED_APPLICATION, applicationDate);
  const client = (actor: typeof r.hub) => apiClient(target.url, actor);
  expect(
    (
      await client(r.coach).post(`/rent-assistance/participants/${r.participantId}/budgets`, {
        lines: budgetLines,
      })
    ).status,
  ).toBe(201);
  expect(
    (await client(r.hub).post(`/rent-assistance/records/${r.enrollmentId}/review`, {})).status,
  ).toBe(200);
  if (coachingOn) await service(target, r, 'coaching', coachingOn);
  return { ...r, approver: testActor({ orgId: r.hubOrgId, roles: ['hub_staff'], name: 'Second' }) };
}

/** A plan of `fundingSource` on the record, by the hub; answers it. */
export async function planOf(
  target: TestService,
  r: { hub: ReturnType<typeof testActor>; enrollmentId: string },
  more: Record<string, unknown> = {},
) {
  const answer = await apiClient(target.url, r.hub).post(
    `/rent-assistance/records/${r.enrollmentId}/plans`,
    {
      fundingSource: 'metro-ra',
      approvedPaymentTypes: ['rent', 'deposit', 'arrears'],
      capCents: 500_000,
      targetEndDate: '2027-03-31',
      ...more,
    },
  );
  expect(answer.status).toBe(201);
  return answer.body as { id: string; version: number };
}

let keys = 0;
/** A fresh Idempotency-Key. */
export const newKey = () => ({
  'idempotency-key': `test-${process.pid}-${++keys}-${randomUUID()}`,
});
