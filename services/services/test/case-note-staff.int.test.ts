import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { UserUpdated } from '@hearth/events';
import {
  apiClient,
  publishAndWait,
  rowCounts,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { findCaseNoteById } from '../src/store/case-notes';
import { named } from '../src/use-cases/print-case-notes';
import { nextVersion, organizationIn, orgUserIn } from './directory-fixtures';
import { NOW, TODAY, organization, participantOf } from './fixtures';

/** A case note's staff follows the rule of a service's staff (check-staff): one rule, one code. */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** An organization with a data-entry worker, an active colleague in the directory, a participant. */
async function agency() {
  const org = organization();
  await organizationIn(service, org.orgId, 'America/Chicago');
  const dataEntry = testActor({ orgId: org.orgId, roles: ['data_entry'] });
  const colleague = await orgUserIn(service, org.orgId, { name: 'Pat Provider' });
  const participantId = await participantOf(service, org.orgId);
  return { ...org, dataEntry, colleague, participantId };
}

const tables = ['case_notes', 'outbox'];
const write = (actor: Actor, participantId: string, staffUserId?: string) =>
  apiClient(service.url, actor).post('/case-notes', {
    participantId,
    noteDate: TODAY,
    text: 'Phone call about the lease.',
    ...(staffUserId ? { staffUserId } : {}),
  });

/** The answer, and that nothing was written for it. */
async function refused(answer: () => ReturnType<typeof write>) {
  const before = await rowCounts(service.pool, tables);
  const result = await answer();
  expect(await rowCounts(service.pool, tables)).toEqual(before);
  return result;
}
const fields = (body: { errors?: Array<{ field: string }> }) =>
  (body.errors ?? []).map((e) => e.field);

describe("a case note's staff", () => {
  test('is its author when none is named', async () => {
    const a = await agency();
    const answer = await write(a.worker, a.participantId);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      authorUserId: a.worker.userId,
      staffUserId: a.worker.userId,
    });
  });

  test('may be an active colleague named by a data-entry worker, who stays the author', async () => {
    const a = await agency();
    const answer = await write(a.dataEntry, a.participantId, a.colleague.userId);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      authorUserId: a.dataEntry.userId,
      staffUserId: a.colleague.userId,
    });
  });

  test('naming another user takes the data-entry role: a caseworker is refused 403', async () => {
    const a = await agency();
    const answer = await refused(() => write(a.worker, a.participantId, a.colleague.userId));
    expect(answer.status).toBe(403);
  });

  test.each([
    ['unknown to the directory', async () => randomUUID()],
    [
      "another organization's user",
      async () => (await orgUserIn(service, randomUUID(), { name: 'Elsewhere' })).userId,
    ],
    [
      'a user who left',
      async (orgId: string) => (await orgUserIn(service, orgId, { active: false })).userId,
    ],
  ])('is refused 422 naming staffUserId when %s', async (_label, staffOf) => {
    const a = await agency();
    const staffUserId = await staffOf(a.orgId);
    const answer = await refused(() => write(a.dataEntry, a.participantId, staffUserId));
    expect(answer.status).toBe(422);
    expect(fields(answer.body)).toEqual(['staffUserId']);
  });

  test('an edit naming another staff meets the same rule; one that does not keeps who left', async () => {
    const a = await agency();
    const note = (await write(a.dataEntry, a.participantId, a.colleague.userId)).body;
    const edit = (actor: Actor, change: object) =>
      apiClient(service.url, actor).patch(`/case-notes/${note.id}`, {
        version: note.version,
        ...change,
      });
    const gone = await orgUserIn(service, a.orgId, { active: false });
    const inactive = await refused(() => edit(a.dataEntry, { staffUserId: gone.userId }));
    expect(inactive.status).toBe(422);
    expect(fields(inactive.body)).toEqual(['staffUserId']);
    const byCaseworker = await refused(() => edit(a.worker, { staffUserId: a.dataEntry.userId }));
    expect(byCaseworker.status).toBe(403);

    // the colleague leaves: the note keeps them, and a correction of its text is still accepted
    await publishAndWait(
      service,
      UserUpdated,
      { ...a.colleague, active: false, version: nextVersion() },
      { orgId: a.orgId },
    );
    const corrected = await edit(a.worker, { text: 'Corrected: the lease is signed.' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ staffUserId: a.colleague.userId, version: 2 });
  });
});

describe('the names on a print', () => {
  test('staff and author print by their directory names, an unknown user as "unknown user" and a short id', async () => {
    const a = await agency();
    await orgUserIn(service, a.orgId, { userId: a.dataEntry.userId, name: 'Ольга Петренко' });
    const byDataEntry = (await write(a.dataEntry, a.participantId, a.colleague.userId)).body;
    const byUnknown = (await write(a.worker, a.participantId)).body; // never announced by identity
    const notes = await Promise.all(
      [byDataEntry.id, byUnknown.id].map(async (id) => (await findCaseNoteById(service.pool, id))!),
    );
    const unknown = `unknown user ${a.worker.userId.slice(0, 8)}`;
    expect((await named(service.pool, notes)).map((n) => [n.staffName, n.authorName])).toEqual([
      ['Pat Provider', 'Ольга Петренко'],
      [unknown, unknown],
    ]);
  });
});
