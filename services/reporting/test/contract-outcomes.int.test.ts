import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import {
  CredentialRecorded,
  EmploymentChanged,
  EmploymentConfirmationRecorded,
  EmploymentRecorded,
  EnrollmentCreated,
  EnrollmentExited,
  PersonLinked,
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
let worker: Actor;
const lakeshore = randomUUID();
const northside = randomUUID();
const program = randomUUID();
const people = ['ana', 'ben', 'benAgain', 'cy', 'dee', 'hal', 'eli'] as const;
const ids = Object.fromEntries(people.map((p) => [p, randomUUID()])) as Record<
  (typeof people)[number],
  string
>;
const enrollmentOf = Object.fromEntries(people.map((p) => [p, randomUUID()])) as typeof ids;

type Exit = {
  kind: 'exit' | 'pre_program_exit';
  exitDate: string;
  reason: 'completed' | 'deceased' | 'referral_rejected';
  housing: 'permanent_housing' | 'shelter' | 'other_see_case_notes' | null;
  removed?: boolean;
};
type Job = {
  type: 'unsubsidized' | 'subsidized';
  confirmations: {
    kind?: 'career_plan_employment';
    period: 'at_exit' | 'q2' | 'q4';
    working: boolean;
  }[];
};

/**
 * Lakeshore's workforce program, exits from 2026-01-01 to 2026-06-30 (Eli's on 07-05 is after):
 * - Ana: exit 03-31 to permanent housing; an unsubsidized job (changed to career track) working at
 *   exit, in Q2 and Q4; a credential attained.
 * - Ben: exit 04-15 to a shelter; a subsidized job confirmed working as Career Plan Employment in
 *   Q2 only; a credential in progress. Ben's second record (linked): exit 06-01 to permanent
 *   housing, an unsubsidized job confirmed not working.
 * - Cy: died (exit removed from performance) while working unsubsidized. Dee: pre-program exit.
 * - Hal: Northside's restricted client in Lakeshore's enrollment: exit 06-10, unsubsidized, working.
 */
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-07-10T12:00:00Z'),
  });
  worker = testActor({ orgId: lakeshore, roles: ['contract_manager'] });
  const record = async (
    who: (typeof people)[number],
    exit: Exit,
    jobs: Job[],
    credential?: 'attained' | 'in_progress',
  ) => {
    await publishAndWait(service, SharingStateChanged, {
      participantId: ids[who],
      ownerOrgId: who === 'hal' ? northside : lakeshore,
      securityRestriction: 'restrict_to_org',
      releases: [],
      sharingVersion: 1,
    });
    const enrollmentId = enrollmentOf[who];
    await publishAndWait(service, EnrollmentCreated, {
      enrollmentId,
      programId: program,
      programKind: null,
      orgId: lakeshore,
      serviceProviderOrgId: null,
      headParticipantId: ids[who],
      memberParticipantIds: [ids[who]],
      applicationDate: '2025-10-01',
      registrationDate: '2025-10-01',
      participationDate: exit.kind === 'exit' ? '2025-10-05' : null,
      lastQualifyingServiceDate: null,
      exitDate: exit.exitDate,
      status: exit.kind,
    });
    await publishAndWait(service, EnrollmentExited, {
      enrollmentId,
      headParticipantId: ids[who],
      memberParticipantIds: [ids[who]],
      kind: exit.kind,
      exitDate: exit.exitDate,
      reason: exit.reason,
      housingStatusAtExit: exit.housing,
      removedFromPerformance: exit.removed ?? false,
    });
    for (const job of jobs) {
      const employmentId = randomUUID();
      const facts = {
        employmentId,
        enrollmentId,
        participantId: ids[who],
        orgId: lakeshore,
        startDate: '2025-11-01',
        endDate: null,
        employmentType: job.type,
        naicsCode: '722511',
        currentPay: null,
        version: 1,
      };
      await publishAndWait(service, EmploymentRecorded, facts);
      if (who === 'ana')
        await publishAndWait(service, EmploymentChanged, {
          ...facts,
          employmentType: 'career_track',
          version: 2,
        });
      for (const c of job.confirmations)
        await publishAndWait(service, EmploymentConfirmationRecorded, {
          confirmationId: randomUUID(),
          employmentId,
          enrollmentId,
          participantId: ids[who],
          confirmationDate: '2026-06-20',
          kind: c.kind ?? 'employment',
          period: c.period,
          status: c.working ? 'working' : 'not_working',
          relatedServiceId: null,
        });
    }
    if (credential)
      await publishAndWait(service, CredentialRecorded, {
        credentialId: randomUUID(),
        enrollmentId,
        participantId: ids[who],
        credentialDate: '2026-03-01',
        credentialType: 'industry_certification',
        status: credential,
        relatedServiceId: null,
      });
  };
  const working = (period: 'at_exit' | 'q2' | 'q4') => ({ period, working: true });
  await record(
    'ana',
    { kind: 'exit', exitDate: '2026-03-31', reason: 'completed', housing: 'permanent_housing' },
    [{ type: 'unsubsidized', confirmations: [working('at_exit'), working('q2'), working('q4')] }],
    'attained',
  );
  await record(
    'ben',
    { kind: 'exit', exitDate: '2026-04-15', reason: 'completed', housing: 'shelter' },
    [{ type: 'subsidized', confirmations: [{ ...working('q2'), kind: 'career_plan_employment' }] }],
    'in_progress',
  );
  await record(
    'benAgain',
    { kind: 'exit', exitDate: '2026-06-01', reason: 'completed', housing: 'permanent_housing' },
    [{ type: 'unsubsidized', confirmations: [{ period: 'at_exit', working: false }] }],
  );
  await record(
    'cy',
    { kind: 'exit', exitDate: '2026-05-01', reason: 'deceased', housing: null, removed: true },
    [{ type: 'unsubsidized', confirmations: [working('at_exit')] }],
  );
  await record(
    'dee',
    {
      kind: 'pre_program_exit',
      exitDate: '2026-02-01',
      reason: 'referral_rejected',
      housing: null,
    },
    [],
  );
  await record(
    'hal',
    { kind: 'exit', exitDate: '2026-06-10', reason: 'completed', housing: 'other_see_case_notes' },
    [{ type: 'unsubsidized', confirmations: [working('at_exit')] }],
  );
  await record(
    'eli',
    { kind: 'exit', exitDate: '2026-07-05', reason: 'completed', housing: 'permanent_housing' },
    [],
  );
  await publishAndWait(service, PersonLinked, {
    linkId: randomUUID(),
    personId: ids.ben,
    survivingParticipantId: ids.ben,
    participantIds: [ids.ben, ids.benAgain],
    at: '2026-06-15T10:00:00.000Z',
  });
}, 90_000);
afterAll(() => service?.close());

const period = 'from=2026-01-01&to=2026-06-30';
const ask = (query: string, actor = worker) =>
  fetch(`${service.url}/api/v1/reports/programs/${program}/contract-outcomes?${query}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });
async function outcomes(query = period) {
  const res = await ask(query);
  expect(res.status).toBe(200);
  return json(res);
}

test('each measure is a share of the persons exited in the period, a linked pair counted once', async () => {
  const answer = await outcomes();
  // Ana, Ben (two records, one person), Hal; Cy (deceased) and Dee (pre-program) left out
  expect(answer.persons).toBe(3);
  expect(answer.excluded).toEqual({ preProgramExit: 1, removedFromPerformance: 1 });
  expect(answer.measures).toEqual({
    // Ana (her job, unsubsidized then career track) and Hal; Ben's subsidized job does not count
    unsubsidizedEmployment: { persons: 2, of: 3, percent: 66.7 },
    // Ben's Career Plan Employment confirmation
    careerTrackEmployment: { persons: 1, of: 3, percent: 33.3 },
    // Ana alone worked in both Q2 and Q4 (Ben in Q2 only)
    retentionInEmployment: { persons: 1, of: 3, percent: 33.3 },
    // Ana, and Ben through his second record
    permanentHousingAtExit: { persons: 2, of: 3, percent: 66.7 },
    credentialAttainment: { persons: 1, of: 3, percent: 33.3 },
  });
});

test('a measure lists the enrollments it counted whose participant the requester may see', async () => {
  const unsubsidized = (await outcomes(`${period}&list=unsubsidizedEmployment`)).listed;
  expect(unsubsidized.items).toEqual([
    { participantId: ids.ana, enrollmentId: enrollmentOf.ana, detail: null },
  ]);
  expect(unsubsidized.withheld).toBe(1); // Hal, Northside's restricted client
  const excluded = (await outcomes(`${period}&list=excluded`)).listed.items;
  expect(excluded).toEqual([
    { participantId: ids.dee, enrollmentId: enrollmentOf.dee, detail: 'pre_program_exit' },
    { participantId: ids.cy, enrollmentId: enrollmentOf.cy, detail: 'removed_from_performance' },
  ]);
});

test('the measures come as CSV with their header and a line per measure', async () => {
  const res = await ask(`${period}&format=csv`);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const lines = (await res.text()).split('\r\n');
  expect(lines[0]).toBe('measure,persons,of,percent');
  expect(lines).toContain('unsubsidizedEmployment,2,3,66.7');
});

test("another organization's program is not found; a reversed period is a problem naming the field", async () => {
  expect(
    (await ask(period, testActor({ orgId: northside, roles: ['contract_manager'] }))).status,
  ).toBe(404);
  const reversed = await ask('from=2026-06-30&to=2026-01-01');
  expect(reversed.status).toBe(422);
  expect((await json(reversed)).errors[0].field).toBe('query.to');
});

test('a rebuild of the read model from its journal gives the same measures', async () => {
  const before = await outcomes(`${period}&list=cohort`);
  await rebuildReadModel(service.pool, readModelConsumers());
  expect(await outcomes(`${period}&list=cohort`)).toEqual(before);
});
