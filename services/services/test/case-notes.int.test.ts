import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { CaseNoteAdded, CaseNoteDeleted, CaseNoteUpdated } from '@hearth/events';
import {
  apiClient,
  mintToken,
  outboxEvents,
  rowCounts,
  startServiceForTest,
  testActor,
  waitFor,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, TODAY, organization, participantOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/**
 * A participant of `owner`, shared by MOU: `partner` holds a release active today (2026-03-10),
 * `lapsed` one that ended yesterday, `stranger` none. `colleague` works beside the author.
 */
async function sharedParticipant() {
  const owner = organization();
  const colleague = testActor({ orgId: owner.orgId });
  const partner = organization();
  const lapsed = organization();
  const stranger = organization();
  const participantId = await participantOf(service, owner.orgId, {
    securityRestriction: 'share_mou',
    releases: [
      { toOrgId: partner.orgId, beginDate: '2026-01-01', endDate: '2026-12-31' },
      { toOrgId: lapsed.orgId, beginDate: '2025-01-01', endDate: '2026-03-09' },
    ],
  });
  return { owner, author: owner.worker, colleague, partner, lapsed, stranger, participantId };
}

type World = Awaited<ReturnType<typeof sharedParticipant>>;

async function noteBy(
  world: World,
  fields: Partial<{ noteDate: string; text: string; restriction: string; readOnly: boolean }> = {},
) {
  const answer = await apiClient(service.url, world.author).post('/case-notes', {
    participantId: world.participantId,
    noteDate: '2026-03-01',
    text: 'Home visit; the lease is signed.',
    ...fields,
  });
  expect(answer.status).toBe(201);
  return answer.body as { id: string; version: number };
}

const as = (actor: Actor) => apiClient(service.url, actor);

/** The reasons audited for `actor` reading this participant, once the writes after the answer land. */
const deniedReasons = async (participantId: string, actor: Actor, count: number) =>
  waitFor(async () => {
    const { rows } = await service.pool.query<{ reason: string }>(
      'SELECT reason FROM access_denials WHERE participant_id = $1 AND user_id = $2 ORDER BY id',
      [participantId, actor.userId],
    );
    return rows.length >= count && rows.map((r) => r.reason).sort(); // written concurrently
  });

async function print(actor: Actor, participantId: string, ids: string[]) {
  const res = await fetch(
    `${service.url}/api/v1/case-notes/print?participantId=${participantId}&ids=${ids.join(',')}`,
    { headers: { authorization: `Bearer ${mintToken(actor)}` } },
  );
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}
/** The dates of the notes a PDF holds, from its bookmarks (one per note). */
const printedDates = (pdf: Uint8Array) =>
  [
    ...Buffer.from(pdf)
      .toString('latin1')
      .matchAll(/\/Title \(Case note of ([\d-]{10})\)/g),
  ]
    .map((m) => m[1])
    .sort();

describe('writing and reading a case note', () => {
  test('the writer is its author and, unless another is named, its staff; it reads back whole', async () => {
    const w = await sharedParticipant();
    const answer = await as(w.author).post('/case-notes', {
      participantId: w.participantId,
      noteDate: TODAY,
      text: 'Met Иван and محمد.\nFollow up next week.',
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('location')).toBe(`/api/v1/case-notes/${answer.body.id}`);
    expect(answer.body).toMatchObject({
      participantId: w.participantId,
      orgId: w.owner.orgId,
      authorUserId: w.author.userId,
      staffUserId: w.author.userId,
      noteDate: TODAY,
      restriction: 'org',
      readOnly: false,
      version: 1,
    });
    expect((await as(w.colleague).get(`/case-notes/${answer.body.id}`)).body).toEqual(answer.body);
    // naming another staff follows a service's rule: case-note-staff.int.test.ts
  });

  test('its event carries who, whom, when and who may read it, never the text', async () => {
    const w = await sharedParticipant();
    const note = await noteBy(w, { restriction: 'mou', text: 'Disclosed a diagnosis.' });
    const [event] = (await outboxEvents(service.pool, CaseNoteAdded)).filter(
      (e) => e.data.noteId === note.id,
    );
    expect(event.orgId).toBe(w.owner.orgId);
    expect(event.data).toEqual({
      noteId: note.id,
      participantId: w.participantId,
      orgId: w.owner.orgId,
      authorUserId: w.author.userId,
      staffUserId: w.author.userId,
      noteDate: '2026-03-01',
      restriction: 'mou',
      readOnly: false,
      version: 1,
    });
    expect(JSON.stringify(event)).not.toContain('diagnosis');
  });

  test('an unknown note is 404, and so is a participant whose sharing has not arrived', async () => {
    const w = await sharedParticipant();
    expect((await as(w.author).get(`/case-notes/${randomUUID()}`)).status).toBe(404);
    const nobody = await as(w.author).post('/case-notes', {
      participantId: randomUUID(),
      noteDate: TODAY,
      text: 'x',
    });
    expect(nobody.status).toBe(404);
  });
});

describe('what a note refuses, naming the field and writing nothing', () => {
  const counts = () => rowCounts(service.pool, ['case_notes', 'outbox']);
  const attempt = async (w: World, fields: Record<string, unknown>) =>
    as(w.author).post('/case-notes', {
      participantId: w.participantId,
      noteDate: TODAY,
      text: 'x',
      ...fields,
    });

  test('a date after today (2026-03-10) is a 422 on noteDate; today is fine', async () => {
    const w = await sharedParticipant();
    const before = await counts();
    const tomorrow = await attempt(w, { noteDate: '2026-03-11' });
    expect(tomorrow.status).toBe(422);
    expect(tomorrow.headers.get('content-type')).toContain('application/problem+json');
    expect(tomorrow.body.errors).toEqual([{ field: 'noteDate', message: expect.any(String) }]);
    expect(await counts()).toEqual(before);
    expect((await attempt(w, { noteDate: TODAY })).status).toBe(201);
  });

  test.each([
    ['empty text', ''],
    ['text of spaces and line breaks', '  \n\t '],
    ['20,001 characters', 'a'.repeat(20_001)],
  ])('%s is a 400 on text', async (_label, text) => {
    const w = await sharedParticipant();
    const before = await counts();
    const answer = await attempt(w, { text });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['text']);
    expect(await counts()).toEqual(before);
  });

  test('20,000 characters fit, counted as a person sees them (emoji are one each)', async () => {
    const w = await sharedParticipant();
    expect((await attempt(w, { text: '😀'.repeat(20_000) })).status).toBe(201);
    expect((await attempt(w, { text: '😀'.repeat(20_001) })).status).toBe(400);
  });

  test('an unknown restriction, an unknown field and a bad cursor are 400s naming them', async () => {
    const w = await sharedParticipant();
    const restricted = await attempt(w, { restriction: 'public' });
    expect(restricted.body.errors[0].field).toBe('restriction');
    expect((await attempt(w, { authorUserId: randomUUID() })).body.errors[0].field).toBe(
      'authorUserId',
    );
    const cursor = await as(w.author).get(
      `/case-notes?participantId=${w.participantId}&cursor=nope`,
    );
    expect([cursor.status, cursor.body.errors[0].field]).toEqual([400, 'cursor']);
  });
});

describe('who reads a note', () => {
  test("a colleague does not read the author's user note: 404 like an unknown one, audited", async () => {
    const w = await sharedParticipant();
    const mine = await noteBy(w, { restriction: 'user' });
    expect((await as(w.author).get(`/case-notes/${mine.id}`)).status).toBe(200);
    const denied = await as(w.colleague).get(`/case-notes/${mine.id}`);
    expect(denied.status).toBe(404);
    expect(denied.body.detail).toBe('The case note was not found.');
    expect(await deniedReasons(w.participantId, w.colleague, 1)).toEqual([
      'record_restricted_to_author',
    ]);
  });

  test('an mou note is read by an organization with an active release, not after it expired nor without one', async () => {
    const w = await sharedParticipant();
    const shared = await noteBy(w, { restriction: 'mou' });
    expect((await as(w.partner.worker).get(`/case-notes/${shared.id}`)).status).toBe(200);
    expect((await as(w.lapsed.worker).get(`/case-notes/${shared.id}`)).status).toBe(404);
    expect((await as(w.stranger.worker).get(`/case-notes/${shared.id}`)).status).toBe(404);
    expect(await deniedReasons(w.participantId, w.lapsed.worker, 1)).toEqual(['release_expired']);
    expect(await deniedReasons(w.participantId, w.stranger.worker, 1)).toEqual(['no_release']);
  });

  test('an org note is never read by a released organization', async () => {
    const w = await sharedParticipant();
    const own = await noteBy(w, { restriction: 'org' });
    expect((await as(w.partner.worker).get(`/case-notes/${own.id}`)).status).toBe(404);
    expect(await deniedReasons(w.participantId, w.partner.worker, 1)).toEqual([
      'record_restricted_to_org',
    ]);
  });

  test('the list, newest first and paged, holds only the notes each reader may read', async () => {
    const w = await sharedParticipant();
    const org = await noteBy(w, { restriction: 'org', noteDate: '2026-03-01' });
    const user = await noteBy(w, { restriction: 'user', noteDate: '2026-03-02' });
    const mou = await noteBy(w, { restriction: 'mou', noteDate: '2026-03-03' });
    const mou2 = await noteBy(w, { restriction: 'mou', noteDate: '2026-02-01' });
    const ids = async (actor: Actor, query = '') => {
      const answer = await as(actor).get(`/case-notes?participantId=${w.participantId}${query}`);
      expect(answer.status).toBe(200);
      return {
        ids: answer.body.items.map((n: { id: string }) => n.id),
        next: answer.body.nextCursor,
      };
    };
    expect((await ids(w.author)).ids).toEqual([mou.id, user.id, org.id, mou2.id]);
    expect((await ids(w.colleague)).ids).toEqual([mou.id, org.id, mou2.id]);
    expect((await ids(w.partner.worker)).ids).toEqual([mou.id, mou2.id]);
    // pages of the partner count only what it reads: two notes, one per page, then the end
    const first = await ids(w.partner.worker, '&limit=1');
    expect(first.ids).toEqual([mou.id]);
    const second = await ids(w.partner.worker, `&limit=1&cursor=${first.next}`);
    expect(second).toEqual({ ids: [mou2.id], next: null });
    const lapsed = await as(w.lapsed.worker).get(`/case-notes?participantId=${w.participantId}`);
    expect(lapsed.status).toBe(404); // the participant itself is no longer shared with them
  });
});

describe('editing a note', () => {
  test('an edit of the version read moves it on; its event carries no text', async () => {
    const w = await sharedParticipant();
    const note = await noteBy(w);
    const answer = await as(w.colleague).patch(`/case-notes/${note.id}`, {
      version: 1,
      text: 'Corrected: the lease is signed for a year.',
      noteDate: '2026-03-02',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ version: 2, noteDate: '2026-03-02' });
    expect(answer.body.text).toBe('Corrected: the lease is signed for a year.');
    const [event] = (await outboxEvents(service.pool, CaseNoteUpdated)).filter(
      (e) => e.data.noteId === note.id,
    );
    expect(event.data).toMatchObject({ version: 2, noteDate: '2026-03-02' });
    expect(JSON.stringify(event)).not.toContain('lease');
  });

  test('an edit to a date after today is a 422 on noteDate, and nothing is written', async () => {
    const w = await sharedParticipant();
    const note = await noteBy(w);
    const before = await outboxEvents(service.pool, CaseNoteUpdated);
    const answer = await as(w.author).patch(`/case-notes/${note.id}`, {
      version: 1,
      noteDate: '2026-03-11',
    });
    expect([answer.status, answer.body.errors[0].field]).toEqual([422, 'noteDate']);
    expect(await outboxEvents(service.pool, CaseNoteUpdated)).toHaveLength(before.length);
    expect((await as(w.author).get(`/case-notes/${note.id}`)).body).toMatchObject({
      version: 1,
      noteDate: '2026-03-01',
    });
  });

  test('a stale version is a 409 on version, and nothing changes', async () => {
    const w = await sharedParticipant();
    const note = await noteBy(w);
    await as(w.author).patch(`/case-notes/${note.id}`, { version: 1, text: 'Second.' });
    const stale = await as(w.colleague).patch(`/case-notes/${note.id}`, {
      version: 1,
      text: 'Third.',
    });
    expect([stale.status, stale.body.errors[0].field]).toEqual([409, 'version']);
    expect((await as(w.author).get(`/case-notes/${note.id}`)).body.text).toBe('Second.');
  });

  test('two edits of one version at once: one wins, the other is a 409, one event', async () => {
    const w = await sharedParticipant();
    const note = await noteBy(w);
    const answers = await Promise.all(
      [w.author, w.colleague].map((actor, i) =>
        as(actor).patch(`/case-notes/${note.id}`, { version: 1, text: `Edit ${i}.` }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const events = (await outboxEvents(service.pool, CaseNoteUpdated)).filter(
      (e) => e.data.noteId === note.id,
    );
    expect(events.map((e) => e.data.version)).toEqual([2]);
  });

  test('a read-only note is refused to everyone, its author too (409 on readOnly)', async () => {
    const w = await sharedParticipant();
    const note = await noteBy(w, { readOnly: true });
    for (const actor of [w.author, w.colleague]) {
      const answer = await as(actor).patch(`/case-notes/${note.id}`, { version: 1, text: 'x' });
      expect([answer.status, answer.body.errors[0].field]).toEqual([409, 'readOnly']);
    }
    expect((await as(w.author).delete(`/case-notes/${note.id}`)).status).toBe(409);
    expect((await as(w.author).get(`/case-notes/${note.id}`)).body.version).toBe(1);
  });

  test("another user's user note is refused as unknown (404), and audited", async () => {
    const w = await sharedParticipant();
    const note = await noteBy(w, { restriction: 'user' });
    const answer = await as(w.colleague).patch(`/case-notes/${note.id}`, {
      version: 1,
      text: 'x',
    });
    expect(answer.status).toBe(404);
    expect((await as(w.colleague).delete(`/case-notes/${note.id}`)).status).toBe(404);
    expect(await deniedReasons(w.participantId, w.colleague, 2)).toEqual([
      'record_restricted_to_author',
      'record_restricted_to_author',
    ]);
  });

  test('a released organization reads an mou note but may not change it (403)', async () => {
    const w = await sharedParticipant();
    const note = await noteBy(w, { restriction: 'mou' });
    const edit = await as(w.partner.worker).patch(`/case-notes/${note.id}`, {
      version: 1,
      text: 'x',
    });
    expect(edit.status).toBe(403);
    expect((await as(w.partner.worker).delete(`/case-notes/${note.id}`)).status).toBe(403);
  });

  test('only the author changes who reads a note; a colleague may still correct its text', async () => {
    const w = await sharedParticipant();
    const note = await noteBy(w, { restriction: 'org' });
    const widen = await as(w.colleague).patch(`/case-notes/${note.id}`, {
      version: 1,
      restriction: 'mou',
    });
    expect([widen.status, widen.body.errors[0].field]).toEqual([403, 'restriction']);
    const same = await as(w.colleague).patch(`/case-notes/${note.id}`, {
      version: 1,
      restriction: 'org',
      text: 'Typo fixed.',
    });
    expect(same.status).toBe(200);
    const byAuthor = await as(w.author).patch(`/case-notes/${note.id}`, {
      version: 2,
      restriction: 'mou',
    });
    expect(byAuthor.body).toMatchObject({ restriction: 'mou', version: 3 });
  });
});

describe('deleting a note', () => {
  test('it is kept, marked, read by no one, and announced without its text', async () => {
    const w = await sharedParticipant();
    const note = await noteBy(w);
    expect((await as(w.colleague).delete(`/case-notes/${note.id}`)).status).toBe(204);
    expect((await as(w.author).get(`/case-notes/${note.id}`)).status).toBe(404);
    const list = await as(w.author).get(`/case-notes?participantId=${w.participantId}`);
    expect(list.body.items).toEqual([]);
    const { rows } = await service.pool.query('SELECT deleted_at FROM case_notes WHERE id = $1', [
      note.id,
    ]);
    expect(rows[0].deleted_at).not.toBeNull();
    const [event] = (await outboxEvents(service.pool, CaseNoteDeleted)).filter(
      (e) => e.data.noteId === note.id,
    );
    expect(event.data).toMatchObject({ version: 2, participantId: w.participantId });
    expect(event.data).not.toHaveProperty('text');
  });
});

describe('printing notes', () => {
  test('a PDF of every note asked for that the reader may read, and only those', async () => {
    const w = await sharedParticipant();
    const mou = await noteBy(w, { restriction: 'mou', noteDate: '2026-03-03' });
    const org = await noteBy(w, { restriction: 'org', noteDate: '2026-03-02' });
    const user = await noteBy(w, { restriction: 'user', noteDate: '2026-03-01' });
    const ids = [mou.id, org.id, user.id];

    const everything = await print(w.author, w.participantId, ids);
    expect([everything.status, everything.type]).toEqual([200, 'application/pdf']);
    expect(Buffer.from(everything.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(printedDates(everything.bytes)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);

    expect(printedDates((await print(w.colleague, w.participantId, ids)).bytes)).toEqual([
      '2026-03-02',
      '2026-03-03',
    ]);
    const partner = await print(w.partner.worker, w.participantId, ids);
    expect(partner.status).toBe(200);
    expect(printedDates(partner.bytes)).toEqual(['2026-03-03']);
    expect(await deniedReasons(w.participantId, w.partner.worker, 2)).toEqual([
      'record_restricted_to_author',
      'record_restricted_to_org',
    ]);
  });

  test('a print of only notes the reader may not read is 404, like one of unknown notes', async () => {
    const w = await sharedParticipant();
    const org = await noteBy(w, { restriction: 'org' });
    const unreadable = await print(w.partner.worker, w.participantId, [org.id]);
    expect([unreadable.status, unreadable.type]).toEqual([
      404,
      'application/problem+json; charset=utf-8',
    ]);
    expect((await print(w.author, w.participantId, [randomUUID()])).status).toBe(404);
    // another participant's note is not printed under this one
    const other = await sharedParticipant();
    const elsewhere = await noteBy(other);
    expect((await print(w.author, w.participantId, [elsewhere.id])).status).toBe(404);
    expect((await print(w.stranger.worker, w.participantId, [org.id])).status).toBe(404);
  });

  test('a bad id list is a 400 naming the id at fault', async () => {
    const w = await sharedParticipant();
    const answer = await as(w.author).get(
      `/case-notes/print?participantId=${w.participantId}&ids=${randomUUID()},nope`,
    );
    expect([answer.status, answer.body.errors[0].field]).toEqual([400, 'query.ids.1']);
  });
});

describe('the documented API', () => {
  test('the print is documented as a PDF, its 404 as a problem, and the note routes are all there', async () => {
    const doc = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    };
    const printed = doc.paths['/api/v1/case-notes/print'].get.responses;
    expect(printed['200'].content).toEqual({
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    });
    expect(printed['404'].content).toHaveProperty(['application/problem+json']);
    expect(Object.keys(doc.paths['/api/v1/case-notes']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/case-notes/{id}']).sort()).toEqual([
      'delete',
      'get',
      'patch',
    ]);
  });
});

test('a role that only reads (a funder) reads a note of its organization but may not change it', async () => {
  const w = await sharedParticipant();
  const note = await noteBy(w);
  const funder = testActor({ orgId: w.owner.orgId, roles: ['contract_manager'] });
  expect((await as(funder).get(`/case-notes/${note.id}`)).status).toBe(200);
  const edit = await as(funder).patch(`/case-notes/${note.id}`, { version: 1, text: 'x' });
  expect(edit.status).toBe(403);
  expect((await as(funder).delete(`/case-notes/${note.id}`)).status).toBe(403);
});

test('hostile input to every case-note route is a 4xx problem, never a 500', async () => {
  const w = await sharedParticipant();
  const note = await noteBy(w);
  const p = w.participantId;
  const foreignCursor = Buffer.from(JSON.stringify({ noteDate: '0000-01-01', id: 'x' })).toString(
    'base64url',
  );
  const attempts: Array<[string, string, unknown?]> = [
    ['POST', '/case-notes', []],
    ['POST', '/case-notes', { participantId: p, noteDate: '2026-02-30', text: 'x' }],
    ['POST', '/case-notes', { participantId: p, noteDate: TODAY, text: 7 }],
    ['POST', '/case-notes', { participantId: p, noteDate: TODAY, text: 'x\u0000' }],
    ['POST', '/case-notes', { participantId: p, noteDate: TODAY, text: 'x', readOnly: 'yes' }],
    ['GET', `/case-notes?participantId=${p}&limit=0`],
    ['GET', `/case-notes?participantId=${p}&limit=abc`],
    ['GET', `/case-notes?participantId=${p}&cursor=${foreignCursor}`],
    ['GET', `/case-notes?participantId=${p}&participantId=${p}`],
    ['GET', '/case-notes?participantId=nope'],
    ['GET', '/case-notes/nope'],
    ['GET', `/case-notes/print?participantId=${p}&ids=${'a'.repeat(5000)}`],
    ['GET', `/case-notes/print?participantId=${p}&ids=`],
    ['GET', `/case-notes/print?participantId=${p}&ids=${note.id}&ids=${note.id}`],
    ['PATCH', `/case-notes/${note.id}`, { version: 1 }],
    ['PATCH', `/case-notes/${note.id}`, { version: 0, text: 'x' }],
    ['PATCH', `/case-notes/${note.id}`, { version: 1, restriction: null }],
    ['PATCH', `/case-notes/${note.id}`, { version: 2 ** 40, text: 'x' }],
    ['DELETE', '/case-notes/00000000-0000-0000-0000-000000000000'],
  ];
  for (const [method, path, body] of attempts) {
    const res = await fetch(`${service.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${mintToken(w.author)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect([method, path, res.status < 500 && res.status >= 400]).toEqual([method, path, true]);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  }
  expect((await as(w.author).get(`/case-notes/${note.id}`)).body.version).toBe(1);
});
