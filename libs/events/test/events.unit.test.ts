import { randomUUID } from 'node:crypto';
import {
  CaseNoteAdded,
  InvalidEvent,
  ParticipantCreated,
  SharingChanged,
  SharingStateChanged,
  createEvent,
  isEvent,
  parseEvent,
} from '@hearth/events';

const facts = {
  participantId: randomUUID(),
  ownerOrgId: randomUUID(),
  firstName: 'Amina',
  middleName: null,
  lastName: 'Odhiambo',
  birthDate: '1990-04-02',
  sex: 'female' as const,
  securityRestriction: 'restrict_to_org' as const,
  immigrationStatus: 'refugee',
  usArrivalDate: '2024-02-01',
};
const actor = { userId: randomUUID(), name: 'Case Worker' };

describe('events', () => {
  it('round-trips an event through JSON and narrows it to its definition', () => {
    const event = createEvent(ParticipantCreated, {
      orgId: facts.ownerOrgId,
      actor,
      data: facts,
      requestId: 'req-1',
    });
    const parsed = parseEvent(JSON.parse(JSON.stringify(event)));
    expect(isEvent(parsed, ParticipantCreated)).toBe(true);
    expect(parsed.data).toEqual(facts);
    expect(parsed.requestId).toBe('req-1');
  });

  it('tells a versioned sharing state (v2) from the unversioned v1 on the same routing key', () => {
    const state = {
      participantId: facts.participantId,
      ownerOrgId: facts.ownerOrgId,
      securityRestriction: 'share_mou' as const,
      releases: [],
      sharingVersion: 3,
    };
    const event = createEvent(SharingStateChanged, { orgId: facts.ownerOrgId, actor, data: state });
    const parsed = parseEvent(JSON.parse(JSON.stringify(event)));
    expect(parsed.type).toBe(SharingChanged.type);
    expect(isEvent(parsed, SharingStateChanged)).toBe(true);
    expect(isEvent(parsed, SharingChanged)).toBe(false);
  });

  it.each([0, -1, 1.5])('refuses a sharing state whose version is %p', (sharingVersion) => {
    const state = {
      participantId: facts.participantId,
      ownerOrgId: facts.ownerOrgId,
      securityRestriction: 'share_mou' as const,
      releases: [],
      sharingVersion,
    };
    expect(() =>
      createEvent(SharingStateChanged, { orgId: facts.ownerOrgId, actor, data: state }),
    ).toThrow();
  });

  it("parses a participant event with HUD's reporting facts, and one from before them without", () => {
    const reported = {
      ...facts,
      race: ['white' as const],
      veteranStatus: 'yes' as const,
      ssnStatus: 'full' as const,
    };
    const event = createEvent(ParticipantCreated, {
      orgId: facts.ownerOrgId,
      actor,
      data: reported,
    });
    expect(parseEvent(JSON.parse(JSON.stringify(event))).data).toEqual(reported);
    const older = createEvent(ParticipantCreated, { orgId: facts.ownerOrgId, actor, data: facts });
    expect(parseEvent(JSON.parse(JSON.stringify(older))).data).not.toHaveProperty('ssnStatus');
    expect(() =>
      createEvent(ParticipantCreated, {
        orgId: facts.ownerOrgId,
        actor,
        data: { ...facts, ssnStatus: '123456789' } as never,
      }),
    ).toThrow();
  });

  it('refuses to create an event whose data breaks the schema', () => {
    expect(() =>
      createEvent(ParticipantCreated, {
        orgId: facts.ownerOrgId,
        actor,
        data: { ...facts, birthDate: '02/04/1990' },
      }),
    ).toThrow();
  });

  it.each([
    ['not an object', 'hello'],
    [
      'unknown type',
      {
        ...createEvent(ParticipantCreated, { orgId: facts.ownerOrgId, actor, data: facts }),
        type: 'intake.unicorn.created',
      },
    ],
    [
      'unknown version',
      {
        ...createEvent(ParticipantCreated, { orgId: facts.ownerOrgId, actor, data: facts }),
        version: 9,
      },
    ],
    [
      'extra envelope field',
      {
        ...createEvent(ParticipantCreated, { orgId: facts.ownerOrgId, actor, data: facts }),
        ssn: '123-45-6789',
      },
    ],
    [
      'data with an unknown field',
      {
        ...createEvent(ParticipantCreated, { orgId: facts.ownerOrgId, actor, data: facts }),
        data: { ...facts, ssn: '1' },
      },
    ],
  ])('treats %s as invalid', (_label, raw) => {
    expect(() => parseEvent(raw)).toThrow(InvalidEvent);
  });
});

describe('case-note events', () => {
  const note = {
    noteId: randomUUID(),
    participantId: facts.participantId,
    orgId: facts.ownerOrgId,
    authorUserId: actor.userId,
    staffUserId: actor.userId,
    noteDate: '2026-03-01',
    restriction: 'user' as const,
    readOnly: false,
    version: 1,
  };

  it('carry who, whom, when and who may read the note', () => {
    const event = createEvent(CaseNoteAdded, { orgId: note.orgId, actor, data: note });
    expect(parseEvent(JSON.parse(JSON.stringify(event))).data).toEqual(note);
  });

  it("never carry the note's text: an event holding it is refused", () => {
    const data = { ...note, text: 'Client disclosed a diagnosis' };
    expect(() => createEvent(CaseNoteAdded, { orgId: note.orgId, actor, data })).toThrow();
  });
});
