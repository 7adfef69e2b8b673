import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { PersonLinked, PersonUnlinked } from '@hearth/events';
import {
  apiClient,
  mintToken,
  startServiceForTest,
  testActor,
  waitFor,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, organization, participantOf } from './fixtures';

/** The case-notes print of a linked person: both records' notes, each as its restriction allows. */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

// today is 2026-03-10: the partner's releases are active on both records; the lapsed
// organization's is active on the first and ended yesterday on the second
const owner = organization();
const colleague = testActor({ orgId: owner.orgId });
const partner = organization();
const lapsed = organization();
const stranger = organization();
let first: string;
let second: string;
const notes: Record<string, string> = {}; // note date → id

async function noteOn(participantId: string, noteDate: string, restriction: string) {
  const answer = await apiClient(service.url, owner.worker).post('/case-notes', {
    participantId,
    noteDate,
    text: `Note of ${noteDate}.`,
    restriction,
  });
  expect(answer.status).toBe(201);
  notes[noteDate] = answer.body.id;
}

beforeAll(async () => {
  const active = { toOrgId: partner.orgId, beginDate: '2026-01-01', endDate: '2026-12-31' };
  first = await participantOf(service, owner.orgId, {
    securityRestriction: 'share_mou',
    releases: [active, { toOrgId: lapsed.orgId, beginDate: '2026-01-01', endDate: '2026-12-31' }],
  });
  second = await participantOf(service, owner.orgId, {
    securityRestriction: 'share_mou',
    releases: [active, { toOrgId: lapsed.orgId, beginDate: '2025-01-01', endDate: '2026-03-09' }],
  });
  await noteOn(first, '2026-03-01', 'mou');
  await noteOn(first, '2026-03-02', 'user');
  await noteOn(second, '2026-03-03', 'org');
  await noteOn(second, '2026-03-04', 'mou');
  await noteOn(second, '2026-03-05', 'user');
});

const linkId = randomUUID();
const link = () => ({
  linkId,
  personId: first,
  survivingParticipantId: first,
  participantIds: [first, second],
  at: NOW.toISOString(),
});
const every = () => Object.values(notes);

async function print(actor: Actor, participantId: string, ids = every()) {
  const res = await fetch(
    `${service.url}/api/v1/case-notes/print?participantId=${participantId}&ids=${ids.join(',')}`,
    { headers: { authorization: `Bearer ${mintToken(actor)}` } },
  );
  const bytes = Buffer.from(await res.arrayBuffer());
  // the dates of the notes the PDF holds, from its bookmarks (one per note)
  const dates = [...bytes.toString('latin1').matchAll(/\/Title \(Case note of ([\d-]{10})\)/g)]
    .map((m) => m[1])
    .sort();
  return { status: res.status, dates };
}
const deniedOn = (participantId: string, actor: Actor, count: number) =>
  waitFor(async () => {
    const { rows } = await service.pool.query<{ reason: string }>(
      'SELECT reason FROM access_denials WHERE participant_id = $1 AND user_id = $2',
      [participantId, actor.userId],
    );
    return rows.length >= count && rows.map((r) => r.reason).sort();
  });

describe('printing the case notes of a linked person', () => {
  test('before a link, a print through one record holds that record’s notes alone', async () => {
    expect(await print(owner.worker, first)).toEqual({
      status: 200,
      dates: ['2026-03-01', '2026-03-02'],
    });
  });

  test('once linked, the author prints both records’ notes from either id', async () => {
    await service.publish(PersonLinked, link(), { orgId: owner.orgId });
    const all = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];
    expect(await print(owner.worker, first)).toEqual({ status: 200, dates: all });
    expect(await print(owner.worker, second)).toEqual({ status: 200, dates: all });
  });

  test('a colleague prints every note but the author’s own (user), each denial audited on its record', async () => {
    expect((await print(colleague, first)).dates).toEqual([
      '2026-03-01',
      '2026-03-03',
      '2026-03-04',
    ]);
    expect(await deniedOn(first, colleague, 1)).toEqual(['record_restricted_to_author']);
    expect(await deniedOn(second, colleague, 1)).toEqual(['record_restricted_to_author']);
  });

  test('a released organization that sees both records prints the mou notes of both', async () => {
    expect((await print(partner.worker, second)).dates).toEqual(['2026-03-01', '2026-03-04']);
    expect(await deniedOn(second, partner.worker, 2)).toEqual([
      'record_restricted_to_author',
      'record_restricted_to_org',
    ]);
  });

  test('an organization whose release on the second record expired prints the first’s alone', async () => {
    expect((await print(lapsed.worker, first)).dates).toEqual(['2026-03-01']);
    // the second record's notes were left out as if none existed: nothing audited on it for them
    const { rows } = await service.pool.query(
      'SELECT 1 FROM access_denials WHERE participant_id = $1 AND user_id = $2',
      [second, lapsed.worker.userId],
    );
    expect(rows).toEqual([]);
    expect((await print(lapsed.worker, second)).status).toBe(404);
    expect((await print(stranger.worker, first)).status).toBe(404);
  });

  test('after the undo, each record prints its own notes again', async () => {
    await service.publish(PersonUnlinked, link(), { orgId: owner.orgId });
    expect((await print(owner.worker, first)).dates).toEqual(['2026-03-01', '2026-03-02']);
    expect((await print(owner.worker, second)).dates).toEqual([
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
    ]);
  });
});
