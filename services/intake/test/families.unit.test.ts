import { randomUUID } from 'node:crypto';
import {
  checkAddition,
  checkLeaving,
  checkNewFamily,
  checkNewMember,
  checkRemoval,
  familySnapshot,
  familyView,
  newFamily,
  newMember,
  planHeadChange,
  type Membership,
  type Relationship,
} from '../src/domain/families';
import type { ParticipantView } from '../src/domain/participant';
import type { Refusal } from '../src/domain/refusal';
import { problemOf as answerOf } from '../src/use-cases/refuse';

const familyId = randomUUID();
const [head, spouse, child, stranger] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const member = (participantId: string, relationship: Relationship): Membership => ({
  familyId,
  participantId,
  relationship,
  joinedOn: '2024-01-01',
  leftOn: null,
  isCurrentFamily: true,
});
const household = [
  member(head, 'head_of_household'),
  member(spouse, 'spouse'),
  member(child, 'child'),
];

/** The problem a rule's refusal is answered with, so a test can name its status and fields. */
function problemOf(refusal: Refusal | undefined) {
  if (!refusal) throw new Error('expected a refusal');
  const problem = answerOf(refusal);
  return { status: problem.status, fields: (problem.errors ?? []).map((e) => e.field) };
}

describe('a new family', () => {
  it('has its head once and each member once', () => {
    const ok = newFamily.parse({
      headParticipantId: head,
      members: [{ participantId: child, relationship: 'child' }],
    });
    expect(checkNewFamily(ok)).toBeUndefined();
    expect(ok.members).toHaveLength(1);
    expect(newFamily.parse({ headParticipantId: head }).members).toEqual([]);
  });

  it('needs a head', () => {
    const parsed = newFamily.safeParse({
      members: [{ participantId: child, relationship: 'child' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['headParticipantId']);
  });

  it('refuses a second head and anyone listed twice, naming the fields', () => {
    const twoHeads = newFamily.parse({
      headParticipantId: head,
      members: [
        { participantId: spouse, relationship: 'head_of_household' },
        { participantId: head, relationship: 'spouse' },
        { participantId: child, relationship: 'child' },
        { participantId: child, relationship: 'stepchild' },
      ],
    });
    expect(problemOf(checkNewFamily(twoHeads))).toEqual({
      status: 400,
      fields: ['members.0.relationship', 'members.1.participantId', 'members.3.participantId'],
    });
  });

  it('is bounded to 30 people', () => {
    const members = Array.from({ length: 30 }, () => ({
      participantId: randomUUID(),
      relationship: 'other_relative',
    }));
    expect(newFamily.safeParse({ headParticipantId: head, members }).success).toBe(false);
  });
});

describe('adding, removing and changing the head', () => {
  const today = '2025-03-01';
  const adding = newMember.parse({ participantId: stranger, relationship: 'child' });

  it('defaults to the current family without leaving the others', () => {
    expect(adding).toMatchObject({ makeCurrentFamily: true, leaveOtherFamilies: false });
    expect(
      newMember.safeParse({ participantId: stranger, relationship: 'head_of_household' }).success,
    ).toBe(false);
  });

  it('refuses a join date in the future and leaving all others without becoming current', () => {
    expect(problemOf(checkNewMember({ ...adding, joinedOn: '2025-03-02' }, today)).fields).toEqual([
      'joinedOn',
    ]);
    const leaving = { joinedOn: today, makeCurrentFamily: false, leaveOtherFamilies: true };
    expect(problemOf(checkNewMember(leaving, today)).fields).toEqual(['makeCurrentFamily']);
  });

  it('refuses someone already an active member, and a family already full', () => {
    expect(problemOf(checkAddition(household, { participantId: child })).status).toBe(409);
    const full = Array.from({ length: 30 }, () => member(randomUUID(), 'other_relative'));
    expect(problemOf(checkAddition(full, { participantId: stranger })).status).toBe(409);
    expect(checkAddition(household, { participantId: stranger })).toBeUndefined();
  });

  it('lets a head leave only a family they are alone in', () => {
    expect(problemOf(checkLeaving(household, head)).status).toBe(409);
    expect(checkLeaving([member(head, 'head_of_household')], head)).toBeUndefined();
    expect(checkLeaving(household, child)).toBeUndefined();
  });

  it('never removes the head, and a non-member is not found', () => {
    expect(problemOf(checkRemoval(household, head)).status).toBe(409);
    expect(problemOf(checkRemoval(household, stranger)).status).toBe(404);
    expect(checkRemoval(household, child)).toBeUndefined();
  });

  it('makes only an active member the head; the same head again changes nothing', () => {
    expect(planHeadChange(household, spouse)).toEqual({ formerHeadId: head });
    expect(planHeadChange(household, head)).toBeUndefined();
    const refused = planHeadChange(household, stranger);
    expect(problemOf(refused && 'refusal' in refused ? refused.refusal : undefined)).toEqual({
      status: 409,
      fields: ['participantId'],
    });
  });
});

describe('what a family shows', () => {
  it('snapshots the active members; a family whose last member left still names them', () => {
    expect(familySnapshot(familyId, household, [])).toMatchObject({
      headParticipantId: head,
      members: [
        { participantId: head, relationship: 'head_of_household', isCurrentFamily: true },
        {},
        {},
      ],
    });
    expect(familySnapshot(familyId, [], [head])).toEqual({
      familyId,
      headParticipantId: head,
      members: [],
      removedParticipantIds: [head],
    });
  });

  it('leaves out members the actor may not see, the head included', () => {
    const person = (id: string) =>
      ({ id, firstName: 'A', lastName: 'B', birthDate: '2010-01-01' }) as ParticipantView;
    const view = familyView(
      { id: familyId, createdByOrg: randomUUID(), createdAt: new Date().toISOString() },
      household,
      new Map([[child, person(child)]]),
    );
    expect(view.headParticipantId).toBeNull();
    expect(view.members.map((m) => m.participantId)).toEqual([child]);
  });
});
