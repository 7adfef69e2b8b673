import type { Actor, ParticipantSharing } from '@hearth/access';
import { notesToPrint, printableNotes, printCaseNotesQuery } from '../src/domain/case-note-print';
import type { CaseNote } from '../src/domain/case-notes';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const now = new Date('2026-06-15T12:00:00Z');
const id = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;
const author: Actor = { userId: id(90), orgId: ORG_A, roles: ['caseworker'] };
const released: Actor = { userId: id(91), orgId: ORG_B, roles: ['caseworker'] };
const participant: ParticipantSharing = {
  ownerOrgId: ORG_A,
  restriction: 'share_mou',
  releases: [{ toOrgId: ORG_B, beginDate: '2026-01-01', endDate: '2026-12-31' }],
};
const note = (n: number, restriction: CaseNote['restriction']): CaseNote => ({
  id: id(n),
  participantId: id(80),
  orgId: ORG_A,
  authorUserId: author.userId,
  staffUserId: author.userId,
  noteDate: '2026-06-01',
  text: `note ${n}`,
  readOnly: false,
  restriction,
  version: 1,
});
const notes = [note(1, 'mou'), note(2, 'org'), note(3, 'user')];
const records = new Map([[id(80), participant]]);

describe('which notes a print holds', () => {
  test('every note asked for, when the actor may read each', () => {
    const print = notesToPrint({
      actor: author,
      records,
      ids: [id(3), id(1)],
      found: notes,
      now,
    });
    expect(print).toEqual({ notes: [note(1, 'mou'), note(3, 'user')], denials: [] });
  });

  test('only the readable ones of a mix; each left out is a denial to audit', () => {
    const ids = [id(1), id(2), id(3)];
    expect(notesToPrint({ actor: released, records, ids, found: notes, now })).toEqual({
      notes: [note(1, 'mou')],
      denials: [
        { note: note(2, 'org'), decision: { allowed: false, reason: 'record_restricted_to_org' } },
        {
          note: note(3, 'user'),
          decision: { allowed: false, reason: 'record_restricted_to_author' },
        },
      ],
    });
  });

  test('none of a note that does not exist (or was deleted), without a denial', () => {
    expect(
      notesToPrint({ actor: author, records, ids: [id(1), id(7)], found: notes, now }),
    ).toEqual({ notes: [note(1, 'mou')], denials: [] });
  });

  test('nothing when the release has expired: an mou note is then left out too', () => {
    const expired = {
      ...participant,
      releases: [{ ...participant.releases[0], endDate: '2026-06-14' }],
    };
    const print = notesToPrint({
      actor: released,
      records: new Map([[id(80), expired]]),
      ids: [id(1)],
      found: notes,
      now,
    });
    expect(print.notes).toEqual([]);
    expect(print.denials).toEqual([
      { note: note(1, 'mou'), decision: { allowed: false, reason: 'release_expired' } },
    ]);
  });
  test('a note of a record not listed with this one (another person, or hidden) is left out, not denied', () => {
    const other = { ...note(4, 'org'), participantId: id(81) };
    expect(
      notesToPrint({ actor: author, records, ids: [id(1), id(4)], found: [...notes, other], now }),
    ).toEqual({ notes: [note(1, 'mou')], denials: [] });
  });
});

describe('the print query', () => {
  const issues = (ids: string) =>
    printCaseNotesQuery
      .safeParse({ participantId: id(80), ids })
      .error?.issues.map((i) => [i.path.join('.'), i.message]);

  test('takes 1 to 100 distinct note ids, comma separated', () => {
    expect(printCaseNotesQuery.parse({ participantId: id(80), ids: `${id(1)},${id(2)}` })).toEqual({
      participantId: id(80),
      ids: [id(1), id(2)],
    });
    const hundred = Array.from({ length: 100 }, (_, n) => id(n)).join(',');
    expect(issues(hundred)).toBeUndefined();
  });

  test('names the id at fault, a repeated id, and too many', () => {
    expect(issues(`${id(1)},nope`)?.map(([field]) => field)).toEqual(['ids.1']);
    expect(issues('')?.map(([field]) => field)).toEqual(['ids.0']);
    expect(issues(`${id(1)},${id(1)}`)).toEqual([['ids', 'A note is named twice']]);
    const ids = (count: number) =>
      Array.from(
        { length: count },
        (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      );
    expect(issues(ids(100).join(','))).toBeUndefined();
    expect(issues(ids(101).join(','))).toEqual([['ids', 'At most 100 notes at once']]);
    const extra = { participantId: id(80), ids: id(1), extra: 'x' };
    expect(printCaseNotesQuery.safeParse(extra).success).toBe(false);
    expect(printCaseNotesQuery.safeParse({ ids: id(1) }).success).toBe(false); // whose notes?
  });
});

describe('the names a print shows', () => {
  const colleague = id(92);
  const written = { ...note(1, 'org'), staffUserId: colleague, text: 'Visit.' };

  test('staff and author by their names in the directory of the note’s organization', () => {
    const names = new Map([
      [`${ORG_A}/${colleague}`, 'Nguyễn Thị Hương'],
      [`${ORG_A}/${author.userId}`, 'فاطمة الزهراء'],
    ]);
    expect(printableNotes([written], names)).toEqual([
      {
        noteDate: '2026-06-01',
        staffName: 'Nguyễn Thị Hương',
        authorName: 'فاطمة الزهراء',
        text: 'Visit.',
      },
    ]);
  });

  test('a user the directory lacks is "unknown user" and the first 8 characters of their id', () => {
    // the same user known only at another organization is not this note's staff
    const names = new Map([[`${ORG_B}/${colleague}`, 'Someone elsewhere']]);
    expect(printableNotes([written], names)[0]).toMatchObject({
      staffName: 'unknown user 00000000',
      authorName: 'unknown user 00000000',
    });
  });
});
