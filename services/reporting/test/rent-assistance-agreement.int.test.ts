import { randomUUID } from 'node:crypto';
import {
  EnrollmentCreated,
  OrganizationCreated,
  PersonLinked,
  RentAssistanceOutcomeRecorded,
  ServiceRecorded,
  type EventDefinition,
} from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  publishAndWait,
  sharedParticipant,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import type { z } from 'zod';
import { rentAssistance } from '../../rent-assistance/src/app';
import { rentAssistanceEnv } from '../../rent-assistance/src/config';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';

/**
 * The same records given to rent-assistance and to reporting (every event to both; outcomes
 * recorded through rent-assistance's API and its announcements passed on): the report gives the
 * figures rent-assistance's own measures give. Today is 2026-09-10 for the hub.
 */
const NOW = new Date('2026-09-11T03:00:00Z');
let ra: TestService;
let rep: TestService;
const hub = randomUUID();
const coach = randomUUID();
const hubStaff = testActor({ orgId: hub, roles: ['hub_staff'] });

async function toBoth<S extends z.ZodType>(definition: EventDefinition<S>, data: z.input<S>) {
  await publishAndWait(ra, definition, data);
  await publishAndWait(rep, definition, data);
}

async function record(exitDate: string | null, services: ['coaching' | 'housing', string][]) {
  const participantId = await sharedParticipant(ra.pool, coach, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: hub, beginDate: '2025-01-01', endDate: '2027-12-31' }],
  });
  const enrollmentId = randomUUID();
  await toBoth(EnrollmentCreated, {
    enrollmentId,
    programId: randomUUID(),
    programKind: 'rent_assistance',
    orgId: coach,
    serviceProviderOrgId: hub,
    headParticipantId: participantId,
    memberParticipantIds: [],
    applicationDate: '2025-01-02',
    registrationDate: null,
    participationDate: null,
    lastQualifyingServiceDate: null,
    exitDate,
    status: exitDate ? 'exit' : 'participation',
  });
  for (const [kind, serviceDate] of services)
    await toBoth(ServiceRecorded, {
      serviceId: randomUUID(),
      participantId,
      enrollmentId,
      serviceTypeId: randomUUID(),
      serviceDate,
      startsParticipation: kind === 'housing',
      qualifying: kind === 'coaching',
    });
  return { participantId, enrollmentId };
}

beforeAll(async () => {
  ra = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
  rep = await startServiceForTest(reporting, reportingEnv, { clock: () => NOW });
  for (const organizationId of [hub, coach])
    await publishAndWait(ra, OrganizationCreated, {
      organizationId,
      name: 'Agency',
      kind: 'other',
      timeZone: 'America/Chicago',
      version: 1,
    });
  const r1 = await record('2026-02-28', [['housing', '2026-02-01']]);
  const r2 = await record('2025-12-31', [['housing', '2025-06-01']]);
  const r3 = await record('2025-06-30', [['housing', '2025-03-01']]);
  const r4 = await record('2025-07-31', [['housing', '2025-05-01']]);
  await record(null, [['housing', '2026-05-01']]);
  const r6 = await record('2026-01-31', [['coaching', '2025-11-03']]);
  const r9 = await record('2026-01-31', [['housing', '2026-01-15']]);
  const r7 = await record(null, [['housing', '2026-04-01']]);
  const r8 = await record(null, [['housing', '2026-04-02']]);
  await toBoth(PersonLinked, {
    linkId: randomUUID(),
    personId: r7.participantId,
    survivingParticipantId: r7.participantId,
    participantIds: [r7.participantId, r8.participantId],
    at: '2026-05-01T00:00:00.000Z',
  });
  const hubApi = apiClient(ra.url, hubStaff);
  for (const [r, type, housingStatus] of [
    [r1, 'at_exit', 'housed'],
    [r1, 'six_month_retention', 'housed'],
    [r2, 'at_exit', 'housed'],
    [r2, 'six_month_retention', 'not_housed'],
    [r3, 'at_exit', 'housed'],
    [r3, 'twelve_month_retention', 'housed'],
    [r4, 'at_exit', 'received_ra_again'],
    [r6, 'at_exit', 'housed'],
    [r9, 'at_exit', 'unknown'],
  ] as const) {
    const answer = await hubApi.post(`/rent-assistance/records/${r.enrollmentId}/outcomes`, {
      type,
      housingStatus,
    });
    expect(answer.status).toBe(201);
  }
  for (const announced of await outboxEvents(ra.pool, RentAssistanceOutcomeRecorded))
    await publishAndWait(rep, RentAssistanceOutcomeRecorded, announced.data);
}, 120_000);
afterAll(async () => {
  await ra?.close();
  await rep?.close();
});

test("the report's served and housed figures are rent-assistance's own measures", async () => {
  const period = 'from=2026-01-01&to=2026-09-10';
  const measures = await apiClient(ra.url, hubStaff).get(`/rent-assistance/measures?${period}`);
  expect(measures.status).toBe(200);
  const report = await apiClient(rep.url, hubStaff).get(`/reports/rent-assistance?${period}`);
  expect(report.status).toBe(200);
  // by hand: served r1, r5, r9 and the linked r7/r8 once = 4; 6 months: r1 (housed), r2, r9 =
  // 1 of 3; 12 months: r3 (housed) = 1 of 1 (r4 received RA again; r6 never RRH/HP)
  expect(measures.body).toEqual({
    servedWithRrhOrHp: 4,
    housedAt6Months: { cohort: 3, housed: 1, percent: 33.3 },
    housedAt12Months: { cohort: 1, housed: 1, percent: 100 },
  });
  expect(report.body).toMatchObject(measures.body);
});
