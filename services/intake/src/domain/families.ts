import { z } from 'zod';
import { relationships, type FamilyChanged } from '@hearth/events';
import { isoDate, uuid, type FieldError } from '@hearth/http';
import type { ParticipantView } from './participant';
import { absent, conflicting, invalid, type Refusal } from './refusal';

export type Relationship = (typeof relationships)[number];
export const HEAD: Relationship = 'head_of_household';
/** A household larger than this is a data-entry mistake, and bounds every request and snapshot. */
export const MAX_FAMILY_SIZE = 30;

/** Relationships to the head; the head itself is never named in a request, it follows from the role. */
const toHead = z.enum(relationships.filter((r) => r !== HEAD) as [Relationship, ...Relationship[]]);

export const newFamily = z.strictObject({
  headParticipantId: uuid(),
  members: z
    .array(z.strictObject({ participantId: uuid(), relationship: z.enum(relationships) }))
    .max(MAX_FAMILY_SIZE - 1)
    .default([]),
});
export const newMember = z.strictObject({
  participantId: uuid(),
  relationship: toHead,
  joinedOn: isoDate().optional(),
  makeCurrentFamily: z.boolean().default(true),
  leaveOtherFamilies: z.boolean().default(false),
});
export const headChange = z.strictObject({
  participantId: uuid(),
  previousHeadRelationship: toHead,
});

/** One stay of a participant in a family (left ones stay as history). */
export interface Membership {
  familyId: string;
  participantId: string;
  relationship: Relationship;
  joinedOn: string;
  leftOn: string | null;
  isCurrentFamily: boolean;
}

export const headOf = (active: Membership[]) => active.find((m) => m.relationship === HEAD);
const memberOf = (active: Membership[], participantId: string) =>
  active.find((m) => m.participantId === participantId);

/** A new family names its head once; a second head or anyone listed twice is a mistake in the form. */
export function checkNewFamily(family: z.infer<typeof newFamily>): Refusal | undefined {
  const seen = new Set([family.headParticipantId]);
  const errors: FieldError[] = [];
  family.members.forEach((m, i) => {
    if (m.relationship === HEAD)
      errors.push({
        field: `members.${i}.relationship`,
        message: 'A family has one head: headParticipantId',
      });
    if (seen.has(m.participantId))
      errors.push({ field: `members.${i}.participantId`, message: 'Listed twice in this family' });
    seen.add(m.participantId);
  });
  return errors.length
    ? invalid('A family needs exactly one head and each member once.', errors)
    : undefined;
}

/** Checks on the request alone, before anything is read. */
export function checkNewMember(
  input: { joinedOn: string; makeCurrentFamily: boolean; leaveOtherFamilies: boolean },
  today: string,
): Refusal | undefined {
  if (input.joinedOn > today)
    return invalid('A member cannot join in the future.', [
      { field: 'joinedOn', message: `Must be ${today} or earlier` },
    ]);
  // leaving all other families only makes sense when this one becomes the current one
  if (input.leaveOtherFamilies && !input.makeCurrentFamily)
    return invalid('Removing a member from all other families makes this their current family.', [
      { field: 'makeCurrentFamily', message: 'Must be true when leaveOtherFamilies is true' },
    ]);
  return undefined;
}

export function checkAddition(
  active: Membership[],
  input: { participantId: string },
): Refusal | undefined {
  if (memberOf(active, input.participantId))
    return conflicting('The participant is already a member of this family.', [
      { field: 'participantId', message: 'Already a member' },
    ]);
  if (active.length >= MAX_FAMILY_SIZE)
    return conflicting(`A family has at most ${MAX_FAMILY_SIZE} members.`);
  return undefined;
}

/**
 * Leaving another family must not leave it headless: a head leaves only a family they are alone in
 * (someone entered alone joining a household), which then ends.
 */
export function checkLeaving(active: Membership[], participantId: string): Refusal | undefined {
  const head = headOf(active);
  if (head?.participantId === participantId && active.length > 1)
    return conflicting(
      `The participant heads family ${head.familyId}; change the head of that family first.`,
      [{ field: 'leaveOtherFamilies', message: `Heads family ${head.familyId}` }],
    );
  return undefined;
}

export function checkRemoval(active: Membership[], participantId: string): Refusal | undefined {
  const member = memberOf(active, participantId);
  if (!member) return absent('The family member');
  if (member.relationship === HEAD)
    return conflicting('The head of household cannot be removed; change the head first.');
  return undefined;
}

/** The new head must already be an active member; undefined when they already are the head. */
export function planHeadChange(
  active: Membership[],
  newHeadId: string,
): { formerHeadId: string } | { refusal: Refusal } | undefined {
  const head = headOf(active);
  if (!head) return { refusal: conflicting('This family has no members any more.') };
  if (head.participantId === newHeadId) return undefined;
  if (!memberOf(active, newHeadId))
    return {
      refusal: conflicting('The new head must be an active member of the family.', [
        { field: 'participantId', message: 'Not an active member of this family' },
      ]),
    };
  return { formerHeadId: head.participantId };
}

/**
 * FamilyChanged data: who is in the family now. A family whose last member left still names that
 * member as head (the event requires one), with no members.
 */
export function familySnapshot(
  familyId: string,
  active: Membership[],
  removedParticipantIds: string[],
): z.input<typeof FamilyChanged.data> {
  const headParticipantId = headOf(active)?.participantId ?? removedParticipantIds[0];
  return {
    familyId,
    headParticipantId,
    members: active.map(({ participantId, relationship, isCurrentFamily }) => ({
      participantId,
      relationship,
      isCurrentFamily,
    })),
    removedParticipantIds,
  };
}

/** The family as the actor may see it: members they may not see are left out, the head included. */
export function familyView(
  family: { id: string; createdByOrg: string; createdAt: string },
  active: Membership[],
  visible: Map<string, ParticipantView>,
) {
  const shown = active.filter((m) => visible.has(m.participantId));
  const head = headOf(shown);
  return {
    ...family,
    headParticipantId: head?.participantId ?? null,
    members: shown.map(({ familyId: _f, ...m }) => {
      const { firstName, lastName, birthDate } = visible.get(m.participantId)!;
      return { ...m, firstName, lastName, birthDate };
    }),
  };
}
