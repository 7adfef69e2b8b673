import { randomUUID } from 'node:crypto';
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
import { publishAndWait, type EventReceiver } from '@hearth/testkit';

export const lakeshore = randomUUID();
export const northside = randomUUID();
export const program = randomUUID();
export const people = ['ana', 'ben', 'benAgain', 'cy', 'dee', 'hal', 'eli'] as const;
export const ids = Object.fromEntries(people.map((p) => [p, randomUUID()])) as Record<
  (typeof people)[number],
  string
>;
export const enrollmentOf = Object.fromEntries(people.map((p) => [p, randomUUID()])) as typeof ids;

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
export async function seedWorkforceProgram(service: EventReceiver) {
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
}
