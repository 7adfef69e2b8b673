import { ParticipantCreated, ParticipantUpdated, type ParticipantFacts } from '@hearth/events';
import { apiClient, publishAndWait, startServiceForTest, type TestService } from '@hearth/testkit';
import { fssp } from '../src/app';
import { fsspEnv } from '../src/config';
import { saveParticipantName } from '../src/store/participant-names';
import { findPlan } from '../src/store/plans';
import { planPrintFor } from '../src/use-cases/print-plan';
import { NOW, goalBody, openPlanOf, organization } from './fixtures';

/**
 * The print names the head and members from intake's participant events, and only those the
 * reader may see: a member hidden from a released agency prints as their id, never their name.
 */
let service: TestService;

beforeAll(async () => {
  service = await startServiceForTest(fssp, fsspEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const facts = (participantId: string, ownerOrgId: string, firstName: string): ParticipantFacts => ({
  participantId,
  ownerOrgId,
  firstName,
  middleName: null,
  lastName: 'Odhiambo',
  birthDate: '1990-04-02',
  sex: 'female',
  securityRestriction: 'restrict_to_org',
  immigrationStatus: null,
  usArrivalDate: null,
});

const planLines = async (actor: Parameters<typeof planPrintFor>[1], planId: string) => {
  const plan = (await findPlan(service.pool, planId))!;
  const print = await planPrintFor({ pool: service.pool, clock: () => NOW }, actor, plan, {
    part: 'plan',
  });
  return print.sections.flatMap((s) => s.lines);
};

test("the plan's print names the head and members the reader may see, and only those", async () => {
  const { orgId: partnerOrg, worker: partner } = await organization(service);
  // the head is released to the partner agency; the other members keep to their organization
  const p = await openPlanOf(service, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: partnerOrg, beginDate: '2026-01-01', endDate: '2026-12-31' }],
  });
  await publishAndWait(service, ParticipantCreated, facts(p.head, p.orgId, 'Amina'), {
    orgId: p.orgId,
  });
  await publishAndWait(service, ParticipantCreated, facts(p.first, p.orgId, 'Zawadi'), {
    orgId: p.orgId,
  });
  const family = await apiClient(service.url, p.worker).post(
    '/goals',
    goalBody(p.planId, [p.head, p.first]),
  );
  expect(family.status).toBe(201);

  const own = await planLines(p.worker, p.planId);
  expect(own.some((l) => l.startsWith('Head of household Amina Odhiambo: included'))).toBe(true);
  expect(own.some((l) => l.startsWith('Member Zawadi Odhiambo: included'))).toBe(true);
  const membersOf = (lines: string[]) =>
    lines
      .find((l) => l.startsWith('Members: '))!
      .slice('Members: '.length)
      .split(', ')
      .sort();
  expect(membersOf(own)).toEqual(['Amina Odhiambo', 'Zawadi Odhiambo']);
  // a member whose name never arrived prints as their id
  expect(own.some((l) => l.startsWith(`Member ${p.second} (name not shown)`))).toBe(true);

  const released = await planLines(partner, p.planId);
  expect(released.some((l) => l.startsWith('Head of household Amina Odhiambo'))).toBe(true);
  expect(released.join('\n')).not.toContain('Zawadi');
  expect(membersOf(released)).toEqual(['Amina Odhiambo', `${p.first} (name not shown)`].sort());
});

test('a rename arrives on the print; a snapshot older than the kept name changes nothing', async () => {
  const p = await openPlanOf(service);
  await publishAndWait(service, ParticipantCreated, facts(p.head, p.orgId, 'Amina'), {
    orgId: p.orgId,
  });
  await publishAndWait(service, ParticipantUpdated, facts(p.head, p.orgId, 'Aminah'), {
    orgId: p.orgId,
  });
  // redelivered late: an update from before the rename
  await saveParticipantName(service.pool, facts(p.head, p.orgId, 'Old'), '2026-01-01T00:00:00Z');
  const lines = await planLines(p.worker, p.planId);
  expect(lines.some((l) => l.startsWith('Head of household Aminah Odhiambo'))).toBe(true);
});
