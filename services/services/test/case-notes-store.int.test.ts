import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import '@hearth/db'; // its type parsers: dates stay YYYY-MM-DD
import { createTestDatabase } from '@hearth/testkit';
import type { Actor, ParticipantSharing } from '@hearth/access';
import { decideNoteAccess, noteReader, type NewCaseNote } from '../src/domain/case-notes';
import {
  deleteCaseNote,
  findCaseNote,
  findCaseNoteById,
  insertCaseNote,
  listCaseNotes,
  updateCaseNote,
} from '../src/store/case-notes';

// The service's scaffolding (migrations 001.., its pool) is being built elsewhere: this file
// applies the case-notes migration to a database of its own.
let db: { url: string; drop: () => Promise<void> };
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase('case_notes_store');
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const sql = await readFile(path.join(__dirname, '../migrations/010_case_notes.sql'), 'utf8');
  await pool.query(sql);
});
afterAll(async () => {
  await pool.end();
  await db.drop();
});

const participantId = randomUUID();
const orgId = randomUUID();
const userId = randomUUID();
const note = (over: Partial<NewCaseNote> = {}): NewCaseNote => ({
  participantId,
  orgId,
  authorUserId: userId,
  staffUserId: userId,
  noteDate: '2026-06-01',
  text: 'Nguyễn Văn An came in with his lease.',
  readOnly: false,
  restriction: 'org',
  ...over,
});

test('a note is stored and read back as written, dates as YYYY-MM-DD', async () => {
  const id = randomUUID();
  const stored = await insertCaseNote(pool, id, note({ text: 'ሰላም\nمرحبا' }));
  expect(stored).toMatchObject({ ...note({ text: 'ሰላም\nمرحبا' }), id, version: 1 });
  expect(await findCaseNote(pool, participantId, id)).toEqual(stored);
  expect(await findCaseNote(pool, randomUUID(), id)).toBeNull(); // another participant's path
});

test('an edit lands only on the version it was made from, and never on a read-only note', async () => {
  const stored = await insertCaseNote(pool, randomUUID(), note());
  const edited = await updateCaseNote(pool, { ...stored, text: 'Corrected.', version: 2 });
  expect(edited).toMatchObject({ text: 'Corrected.', version: 2 });
  // a second edit made from version 1 lost the race
  expect(await updateCaseNote(pool, { ...stored, text: 'Stale.', version: 2 })).toBeNull();
  const final = await updateCaseNote(pool, { ...edited!, readOnly: true, version: 3 });
  expect(final).toMatchObject({ readOnly: true, version: 3 });
  expect(await updateCaseNote(pool, { ...final!, text: 'Late edit.', version: 4 })).toBeNull();
  expect(await deleteCaseNote(pool, participantId, final!.id, 3)).toBe(false);
  expect((await findCaseNote(pool, participantId, final!.id))?.text).toBe('Corrected.');
});

test('a deleted note is kept for the audit trail but found by no read', async () => {
  const stored = await insertCaseNote(pool, randomUUID(), note());
  expect(await deleteCaseNote(pool, participantId, stored.id, 2)).toBe(false); // stale version
  expect(await deleteCaseNote(pool, participantId, stored.id, 1)).toBe(true);
  expect(await findCaseNote(pool, participantId, stored.id)).toBeNull();
  const ids = (await listCaseNotes(pool, participantId, { limit: 100 })).map((n) => n.id);
  expect(ids).not.toContain(stored.id);
  const { rows } = await pool.query('SELECT deleted_at FROM case_notes WHERE id = $1', [stored.id]);
  expect(rows[0].deleted_at).toBeInstanceOf(Date);
});

test('a participant’s notes list newest first, page by cursor, and narrow to the ids asked', async () => {
  const other = randomUUID();
  const mk = (noteDate: string) =>
    insertCaseNote(pool, randomUUID(), note({ participantId: other, noteDate }));
  const [old, , recent] = [await mk('2026-01-05'), await mk('2026-03-10'), await mk('2026-05-20')];
  const first = await listCaseNotes(pool, other, { limit: 2 });
  expect(first.map((n) => n.noteDate)).toEqual(['2026-05-20', '2026-03-10']);
  const next = await listCaseNotes(pool, other, { limit: 2, after: first[1] });
  expect(next.map((n) => n.id)).toEqual([old.id]);
  const asked = await listCaseNotes(pool, other, { limit: 10, ids: [recent.id, old.id] });
  expect(asked.map((n) => n.id)).toEqual([recent.id, old.id]);
});

test('a note is found by its id alone, never once deleted', async () => {
  const stored = await insertCaseNote(pool, randomUUID(), note());
  expect(await findCaseNoteById(pool, stored.id)).toEqual(stored);
  await deleteCaseNote(pool, participantId, stored.id, 1);
  expect(await findCaseNoteById(pool, stored.id)).toBeNull();
});

test('the list selects for a reader exactly the notes decideNoteAccess lets them read', async () => {
  const whose = randomUUID();
  const partnerOrg = randomUUID();
  const sharing: ParticipantSharing = {
    ownerOrgId: orgId,
    restriction: 'share_mou',
    releases: [{ toOrgId: partnerOrg, beginDate: '2026-01-01', endDate: '2026-12-31' }],
  };
  const now = new Date('2026-06-15T12:00:00Z');
  const notes = await Promise.all(
    (['org', 'user', 'mou'] as const).map((restriction) =>
      insertCaseNote(pool, randomUUID(), note({ participantId: whose, restriction })),
    ),
  );
  const readers: Actor[] = [
    { userId, orgId, roles: ['caseworker'] }, // the author
    { userId: randomUUID(), orgId, roles: ['caseworker'] }, // a colleague
    { userId: randomUUID(), orgId: partnerOrg, roles: ['caseworker'] }, // released
  ];
  for (const actor of readers) {
    const selected = await listCaseNotes(pool, whose, {
      limit: 10,
      reader: noteReader(actor, sharing, now),
    });
    const decided = notes.filter(
      (n) =>
        decideNoteAccess({ actor, participant: sharing, note: n, action: 'read', now }).allowed,
    );
    expect(selected.map((n) => n.restriction).sort()).toEqual(
      decided.map((n) => n.restriction).sort(),
    );
  }
});

test('the database refuses what the rules refuse: empty or over-long text, an unknown restriction', async () => {
  const refused = async (over: Partial<NewCaseNote>) =>
    insertCaseNote(pool, randomUUID(), note(over)).then(
      () => 'stored',
      (err: { code?: string }) => err.code,
    );
  expect(await refused({ text: '   ' })).toBe('23514');
  expect(await refused({ text: 'ሀ'.repeat(20_001) })).toBe('23514');
  expect(await refused({ text: 'ሀ'.repeat(20_000) })).toBe('stored');
  expect(await refused({ restriction: 'public' as never })).toBe('23514');
});
