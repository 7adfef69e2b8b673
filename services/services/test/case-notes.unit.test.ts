import type { Action, Actor, ParticipantSharing } from '@hearth/access';
import {
  createCaseNoteBody,
  decideNoteAccess,
  editedCaseNote,
  newCaseNote,
  noteReader,
  restrictionChangeProblems,
  updateCaseNoteBody,
  type CaseNote,
  type NoteRestriction,
} from '../src/domain/case-notes';

const ORG_A = '00000000-0000-4000-8000-00000000000a'; // the participant's and the note's agency
const ORG_B = '00000000-0000-4000-8000-00000000000b'; // holds an active release
const ORG_C = '00000000-0000-4000-8000-00000000000c'; // its release expired 2025-12-31
const ORG_D = '00000000-0000-4000-8000-00000000000d'; // never released to
const now = new Date('2026-06-15T12:00:00Z');
const today = '2026-06-15';

const actor = (userId: string, orgId: string, role = 'caseworker'): Actor => ({
  userId: `00000000-0000-4000-8000-0000000000${userId}`,
  orgId,
  roles: [role],
});
const author = actor('01', ORG_A);
const colleague = actor('02', ORG_A);
const released = actor('03', ORG_B);
const expired = actor('04', ORG_C);
const stranger = actor('05', ORG_D);
const funder = actor('06', ORG_A, 'contract_manager');

const sharedByMou: ParticipantSharing = {
  ownerOrgId: ORG_A,
  restriction: 'share_mou',
  releases: [
    { toOrgId: ORG_B, beginDate: '2026-01-01', endDate: '2026-12-31' },
    { toOrgId: ORG_C, beginDate: '2025-01-01', endDate: '2025-12-31' },
  ],
};

const note = (restriction: NoteRestriction, readOnly = false): CaseNote => ({
  id: '00000000-0000-4000-8000-0000000000f1',
  participantId: '00000000-0000-4000-8000-0000000000e1',
  orgId: ORG_A,
  authorUserId: author.userId,
  staffUserId: author.userId,
  noteDate: '2026-06-01',
  text: 'Met at the shelter; brought the lease.',
  readOnly,
  restriction,
  version: 3,
});

const decide = (
  who: Actor,
  n: CaseNote,
  action: Action,
  participant: ParticipantSharing = sharedByMou,
) => decideNoteAccess({ actor: who, participant, note: n, action, now });

describe('who may read, edit and delete a case note', () => {
  // Each row worked by hand from DOMAIN.md and libs/access: who, restriction, action, outcome
  const rows: [string, NoteRestriction, Action, boolean, string, Actor][] = [
    ['its author', 'org', 'write', true, 'same_org', author],
    ['a colleague in its organization', 'org', 'read', true, 'same_org', colleague],
    ['a colleague in its organization', 'org', 'write', true, 'same_org', colleague],
    ['a colleague in its organization', 'org', 'delete', true, 'same_org', colleague],
    ['a released organization', 'org', 'read', false, 'record_restricted_to_org', released],
    ['its author', 'user', 'read', true, 'author', author],
    ['its author', 'user', 'write', true, 'author', author],
    ['its author', 'user', 'delete', true, 'author', author],
    ['a colleague', 'user', 'read', false, 'record_restricted_to_author', colleague],
    ['a colleague', 'user', 'write', false, 'record_restricted_to_author', colleague],
    ['a released organization', 'user', 'read', false, 'record_restricted_to_author', released],
    ['a released organization', 'mou', 'read', true, 'active_release', released],
    ['a released organization', 'mou', 'write', false, 'other_org_record', released],
    ['a released organization', 'mou', 'delete', false, 'other_org_record', released],
    ['an organization whose release expired', 'mou', 'read', false, 'release_expired', expired],
    ['an organization never released to', 'mou', 'read', false, 'no_release', stranger],
    ['an organization never released to', 'org', 'write', false, 'no_release', stranger],
    ['a funder', 'org', 'read', true, 'same_org', funder],
    ['a funder', 'org', 'write', false, 'role_cannot_write', funder],
  ];
  test.each(rows)(
    '%s, on a note restricted to %s, may %s: %s (%s)',
    (_label, restriction, action, allowed, reason, who) => {
      expect(decide(who, note(restriction), action)).toEqual({ allowed, reason });
    },
  );

  test('a read-only note is read but never edited or deleted, not even by its author', () => {
    const final = note('org', true);
    expect(decide(author, final, 'read')).toEqual({ allowed: true, reason: 'same_org' });
    expect(decide(author, final, 'write')).toEqual({ allowed: false, reason: 'read_only' });
    expect(decide(author, final, 'delete')).toEqual({ allowed: false, reason: 'read_only' });
    expect(decide(author, note('user', true), 'write')).toEqual({
      allowed: false,
      reason: 'read_only',
    });
  });

  test('an mou note of a participant restricted to its organization stays there despite a release', () => {
    const restricted: ParticipantSharing = { ...sharedByMou, restriction: 'restrict_to_org' };
    expect(decide(released, note('mou'), 'read', restricted)).toEqual({
      allowed: false,
      reason: 'restricted_to_org',
    });
  });

  test('a release ending today still shares an mou note today', () => {
    const endsToday: ParticipantSharing = {
      ...sharedByMou,
      releases: [{ toOrgId: ORG_B, beginDate: '2026-01-01', endDate: today }],
    };
    expect(decide(released, note('mou'), 'read', endsToday).allowed).toBe(true);
  });
});

describe('a new case note', () => {
  const body = (over: object = {}) =>
    createCaseNoteBody.parse({ noteDate: '2026-06-15', text: 'Called about rent.', ...over });

  test('is written by the actor, who is also the staff member unless another is named', () => {
    const made = newCaseNote(body(), colleague, 'p-1', today);
    expect(made).toEqual({
      note: {
        participantId: 'p-1',
        orgId: ORG_A,
        authorUserId: colleague.userId,
        staffUserId: colleague.userId,
        noteDate: '2026-06-15',
        text: 'Called about rent.',
        readOnly: false,
        restriction: 'org',
      },
    });
    const named = newCaseNote(body({ staffUserId: author.userId }), colleague, 'p-1', today);
    expect(named).toMatchObject({
      note: { authorUserId: colleague.userId, staffUserId: author.userId },
    });
  });

  test('may be dated today but not tomorrow', () => {
    expect(newCaseNote(body({ noteDate: '2026-06-15' }), author, 'p', today)).toHaveProperty(
      'note',
    );
    expect(newCaseNote(body({ noteDate: '2026-06-16' }), author, 'p', today)).toEqual({
      problems: [{ field: 'noteDate', message: 'Must not be in the future (today is 2026-06-15)' }],
    });
  });

  test('text holds 1 to 20,000 characters, counted as characters not UTF-16 units', () => {
    const fields = (over: object) =>
      createCaseNoteBody
        .safeParse({ noteDate: today, text: 'x', ...over })
        .error?.issues.map((i) => i.path.join('.'));
    expect(fields({ text: '' })).toEqual(['text']);
    expect(fields({ text: '  \n ' })).toEqual(['text']);
    expect(fields({ text: 'a'.repeat(20_000) })).toBeUndefined();
    expect(fields({ text: 'a'.repeat(20_001) })).toEqual(['text']);
    // 20,000 emoji are 40,000 UTF-16 units and still 20,000 characters
    expect(fields({ text: '🙂'.repeat(20_000) })).toBeUndefined();
    expect(fields({ text: 'ሀ'.repeat(20_001) })).toEqual(['text']);
  });

  test('refuses an unknown field, an unknown restriction and a malformed date, naming each', () => {
    const result = createCaseNoteBody.safeParse({
      noteDate: '2026-02-30',
      text: 'ok',
      restriction: 'everyone',
      authorUserId: author.userId,
    });
    expect(result.error?.issues.map((i) => i.path.join('.') || i.code).sort()).toEqual(
      ['noteDate', 'restriction', 'unrecognized_keys'].sort(),
    );
  });
});

describe('editing a case note', () => {
  test('changes only the fields sent and moves the version on', () => {
    const change = updateCaseNoteBody.parse({ version: 3, text: 'Corrected.', restriction: 'mou' });
    expect(editedCaseNote(note('org'), change, today)).toEqual({
      note: { ...note('org'), text: 'Corrected.', restriction: 'mou', version: 4 },
    });
  });

  test('may make a note read-only, after which no change reaches it', () => {
    const final = editedCaseNote(
      note('org'),
      updateCaseNoteBody.parse({ version: 3, readOnly: true }),
      today,
    );
    expect(final).toMatchObject({ note: { readOnly: true, version: 4 } });
    const again = editedCaseNote(
      { ...note('org'), readOnly: true },
      updateCaseNoteBody.parse({ version: 4, readOnly: false }),
      today,
    );
    expect(again).toEqual({
      problems: [{ field: 'readOnly', message: 'This note is read-only: no one can edit it' }],
    });
  });

  test('refuses a future date and a change of nothing', () => {
    expect(
      editedCaseNote(
        note('org'),
        updateCaseNoteBody.parse({ version: 3, noteDate: '2026-06-16' }),
        today,
      ),
    ).toEqual({
      problems: [{ field: 'noteDate', message: 'Must not be in the future (today is 2026-06-15)' }],
    });
    expect(updateCaseNoteBody.safeParse({ version: 3 }).error?.issues[0].path).toEqual(['version']);
    expect(updateCaseNoteBody.safeParse({ text: 'no version' }).error?.issues[0].path).toEqual([
      'version',
    ]);
  });
});

describe('who changes who reads a note', () => {
  test('its author alone: a colleague naming another restriction is refused on restriction', () => {
    expect(restrictionChangeProblems(note('org'), { restriction: 'mou' }, author)).toEqual([]);
    expect(restrictionChangeProblems(note('org'), { restriction: 'mou' }, colleague)).toEqual([
      { field: 'restriction', message: 'Only the author of a note may change who reads it' },
    ]);
    expect(restrictionChangeProblems(note('mou'), { restriction: 'user' }, colleague)).toHaveLength(
      1,
    );
  });

  test('a colleague sending the restriction it already has, or none, changes nothing of it', () => {
    expect(restrictionChangeProblems(note('org'), { restriction: 'org' }, colleague)).toEqual([]);
    expect(restrictionChangeProblems(note('org'), {}, colleague)).toEqual([]);
  });
});

describe('what the list selects for a reader', () => {
  test('mou notes too only for an organization whose release is active today', () => {
    expect(noteReader(released, sharedByMou, now)).toEqual({
      orgId: ORG_B,
      userId: released.userId,
      releasedMou: true,
    });
    expect(noteReader(expired, sharedByMou, now).releasedMou).toBe(false);
    expect(noteReader(stranger, sharedByMou, now).releasedMou).toBe(false);
    expect(noteReader(author, sharedByMou, now).releasedMou).toBe(false); // its own notes anyway
  });
});
