import { randomUUID } from 'node:crypto';
import { ParticipantCreated, SharingStateChanged, UserCreated } from '@hearth/events';
import { testActor } from '@hearth/testkit';
import { client, daysAgo, participantFacts, sharingState, type Harness } from './harness';
import { createProgram } from './household';

/** A career coach's organization, the hub it refers to, and an organization with no part in it. */
export function organizations() {
  const coachOrgId = randomUUID();
  const hubOrgId = randomUUID();
  return {
    coachOrgId,
    hubOrgId,
    coach: testActor({ orgId: coachOrgId, roles: ['caseworker'], name: 'Career Coach' }),
    hub: testActor({ orgId: hubOrgId, roles: ['hub_staff'], name: 'Hub Staff' }),
    hubContractManager: testActor({ orgId: hubOrgId, roles: ['contract_manager'] }),
    stranger: testActor({ roles: ['caseworker'] }),
    strangerContractManager: testActor({ roles: ['contract_manager'] }),
  };
}
export type Orgs = ReturnType<typeof organizations>;

/** The hub's Rent Assistance program (made by its supervisor). */
export const rentAssistanceProgram = (h: Harness, orgs: Orgs) =>
  createProgram(h, orgs.hub, {
    name: `Rent Assistance ${randomUUID().slice(0, 8)}`,
    fundingSource: 'Metro RA',
    activeFrom: '2020-01-01',
    kind: 'rent_assistance',
  });

/** A participant of the coach's, released to the hub until `releaseEnd` (share_mou). */
export async function coachParticipant(h: Harness, orgs: Orgs, releaseEnd = '2099-12-31') {
  const facts = participantFacts(orgs.coachOrgId, { securityRestriction: 'share_mou' });
  await h.publish(ParticipantCreated, facts);
  await h.publish(
    SharingStateChanged,
    sharingState(facts, {
      releases: [
        {
          releaseId: randomUUID(),
          toOrgId: orgs.hubOrgId,
          beginDate: '2020-01-01',
          endDate: releaseEnd,
          revokedAt: null,
        },
      ],
    }),
  );
  return facts.participantId;
}

/** A registration the guide accepts: every required field, Housing Insecure, $4,500 requested. */
export const fullRegistration = {
  address: '12 Alder St, Portland',
  phone: '503-555-0101',
  employmentCharacteristics: ['housing_insecure'],
  employmentStatus: 'employed',
  otherFundingSource: 'None',
  sixMonthIncomeCents: 1_200_000,
  adultsInHousehold: 1,
  childrenInHousehold: 2,
  totalAmountRequestedCents: 450_000,
  housingTypeAtRegistration: 'homeless_prevention',
  planToPayRent: 'New job pays enough from March',
  sourceOfIncome: 'Wages',
  pastPropertyDebt: { answer: 'no' },
  creditDebt: { answer: 'yes', details: 'Card debt, $2,000' },
  evictionHistory: { answer: 'no' },
  criminalHistory: { answer: 'no' },
};

/** The coach's enrollment of the participant into the hub's program (the response). */
export async function referToHub(
  h: Harness,
  orgs: Orgs,
  programId: string,
  participantId: string,
  registration: object = fullRegistration,
) {
  return client(h.url, orgs.coach).post('/enrollments', {
    programId,
    headParticipantId: participantId,
    applicationDate: daysAgo(10),
    registration,
  });
}

/** A staff member of the hub as identity announces them. */
export async function hubStaffMember(h: Harness, orgs: Orgs, roles = ['hub_staff']) {
  const userId = randomUUID();
  await h.publish(UserCreated, {
    userId,
    orgId: orgs.hubOrgId,
    name: 'Assigned Hub Staff',
    roles,
    active: true,
    version: 1,
  });
  return userId;
}
