import { randomUUID } from 'node:crypto';
import { FamilyChanged, ServiceRecorded, type ParticipantFacts } from '@hearth/events';
import { client, daysAgo, introduce, participantFacts, type Actor, type Harness } from './harness';

/** The program of the I-Trac guide: adults who are homeless or fleeing violence. */
export const keysToProgress = {
  name: 'Keys to Progress',
  fundingSource: 'Metro Housing Grant',
  grantNumber: 'KTP-2026',
  activeFrom: '2020-01-01',
  requiredRegistrationFields: ['phone', 'employmentCharacteristics'],
  eligibilityCriteria: [
    { fact: 'age', op: 'at_least', value: 18 },
    {
      fact: 'employmentCharacteristics',
      op: 'one_of',
      values: ['homeless', 'fleeing_violence', 'qualified_homeless_before_current_housing'],
    },
  ],
};

/** Create a program as a supervisor of the actor's organization; its id. */
export async function createProgram(h: Harness, actor: Actor, body: object): Promise<string> {
  const res = await client(h.url, { ...actor, roles: ['supervisor'] }).post('/programs', body);
  if (res.status !== 201) throw new Error(`program not created: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/**
 * A household as intake would announce it: head, spouse and child in one current family, plus a
 * relative another organization keeps to itself and a person outside the family.
 */
export async function household(h: Harness, orgId: string, otherOrgId: string) {
  const people = {
    head: participantFacts(orgId, { firstName: 'Amina' }),
    spouse: participantFacts(orgId, {
      firstName: 'Omar',
      immigrationStatus: null,
      usArrivalDate: null,
    }),
    child: participantFacts(orgId, { firstName: 'Zuri', birthDate: '2015-09-01' }),
    newborn: participantFacts(orgId, { firstName: 'Baby', birthDate: daysAgo(100) }),
    hiddenRelative: participantFacts(otherOrgId, { firstName: 'Hidden' }),
    outsider: participantFacts(orgId, { firstName: 'Not family' }),
  };
  for (const p of Object.values(people)) await introduce(h, p);
  const relationships = {
    head: 'head_of_household',
    spouse: 'spouse',
    child: 'child',
    newborn: 'child',
    hiddenRelative: 'sibling',
  } as const;
  await h.publish(FamilyChanged, {
    familyId: randomUUID(),
    headParticipantId: people.head.participantId,
    members: Object.entries(relationships).map(([who, relationship]) => ({
      participantId: people[who as keyof typeof relationships].participantId,
      relationship,
      isCurrentFamily: true,
    })),
    removedParticipantIds: [],
  });
  return people;
}

/** A head and one member, announced by intake and then as one current family. */
export async function familyOfTwo(
  h: Harness,
  head: ParticipantFacts,
  member: ParticipantFacts,
  relationship: 'spouse' | 'child',
): Promise<void> {
  for (const p of [head, member]) await introduce(h, p);
  await h.publish(FamilyChanged, {
    familyId: randomUUID(),
    headParticipantId: head.participantId,
    members: [
      {
        participantId: head.participantId,
        relationship: 'head_of_household',
        isCurrentFamily: true,
      },
      { participantId: member.participantId, relationship, isCurrentFamily: true },
    ],
    removedParticipantIds: [],
  });
}

/** A head alone, enrolled into `programId`. */
export async function enrollAlone(
  h: Harness,
  actor: Actor,
  programId: string,
  applicationDate: string,
  overrides: Parameters<typeof participantFacts>[1] = {},
) {
  const head = participantFacts(actor.orgId, overrides);
  await introduce(h, head);
  const res = await client(h.url, actor).post('/enrollments', {
    programId,
    headParticipantId: head.participantId,
    applicationDate,
  });
  if (res.status !== 201) throw new Error(`not enrolled: ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, participantId: head.participantId };
}

/** What the services service would announce (it does not exist yet, so tests publish it). */
export const recordService = (
  h: Harness,
  e: { id: string; participantId: string },
  serviceDate: string,
  flags: { startsParticipation: boolean; qualifying: boolean },
) =>
  h.publish(ServiceRecorded, {
    serviceId: randomUUID(),
    participantId: e.participantId,
    enrollmentId: e.id,
    serviceTypeId: 'career-coaching',
    serviceDate,
    ...flags,
  });
