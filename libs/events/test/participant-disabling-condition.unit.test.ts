import { randomUUID } from 'node:crypto';
import { ParticipantUpdated, createEvent, parseEvent } from '@hearth/events';

/** 3.08 on intake's participant events: optional, so the events made before it still parse. */
const facts = {
  participantId: randomUUID(),
  ownerOrgId: randomUUID(),
  firstName: 'Dara',
  middleName: null,
  lastName: 'Moss',
  birthDate: '1975-03-04',
  sex: 'male' as const,
  securityRestriction: 'restrict_to_org' as const,
  immigrationStatus: null,
  usArrivalDate: null,
};
const actor = { userId: randomUUID(), name: 'Case Worker' };
const sent = (data: object) =>
  parseEvent(
    JSON.parse(
      JSON.stringify({
        ...createEvent(ParticipantUpdated, { orgId: facts.ownerOrgId, actor, data: facts }),
        data,
      }),
    ),
  );

test.each(['yes', 'no', 'unknown', 'refused', null])(
  'a participant event carries the disabling condition %s',
  (answer) => {
    expect(sent({ ...facts, disablingCondition: answer }).data).toMatchObject({
      disablingCondition: answer,
    });
  },
);

test('an event from before the field existed parses without it', () => {
  const data = sent(facts).data as Record<string, unknown>;
  expect(data.lastName).toBe('Moss');
  expect('disablingCondition' in data).toBe(false);
});

test('an answer off the list, or the condition itself, is refused', () => {
  expect(() => sent({ ...facts, disablingCondition: 'mobility' })).toThrow();
  expect(() => sent({ ...facts, disablingCondition: 'yes', disabilityType: 'mobility' })).toThrow();
});
