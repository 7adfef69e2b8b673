import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { PersonLinked, PersonUnlinked } from '@hearth/events';
import { mintToken, testActor } from '@hearth/testkit';
import {
  NOW,
  confidentialFields,
  participantOf,
  samples,
  startDocuments,
  upload,
  type Documents,
} from './support/documents';

/** A participant's documents list a person linked in intake together (libs/people, in Postgres). */
let service: Documents;
const lakeshore = testActor(); // owns every record here
const northside = testActor(); // holds a release of the released records
const elsewhere = testActor(); // sees the share_global records, holds no release
const release = { toOrgId: northside.orgId, beginDate: '2026-01-01', endDate: '2027-12-31' };

const uploaded = async (participantId: string, confidentiality: 'confidential' | 'public') => {
  const fields =
    confidentiality === 'public'
      ? { ...confidentialFields, confidentiality, publicConfirmed: 'true' }
      : confidentialFields;
  const answer = await upload(service, lakeshore, participantId, {
    fields,
    files: [{ fileName: 'plan.pdf', type: 'application/pdf', bytes: samples.pdf }],
  });
  expect(answer.status).toBe(201);
  return answer.body.id as string;
};

const link = (linkId: string, participantIds: [string, string]) => ({
  linkId,
  personId: participantIds[0],
  survivingParticipantId: participantIds[0],
  participantIds,
  at: NOW.toISOString(),
});

const listed = async (actor: Actor, participantId: string) => {
  const res = await fetch(`${service.url}/api/v1/documents?participantId=${participantId}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });
  return res.status === 200
    ? ((await res.json()) as { items: Array<{ id: string }> }).items.map((d) => d.id)
    : res.status;
};

beforeAll(async () => {
  service = await startDocuments();
});
afterAll(() => service?.close());

describe('documents of a linked person', () => {
  let first: string; // share_global, released to northside
  let second: string; // restricted to lakeshore: no release opens it to another organization
  const docs = { firstConfidential: '', firstPublic: '', secondConfidential: '' };
  const linkId = randomUUID();

  beforeAll(async () => {
    first = await participantOf(service, lakeshore, 'share_global', [release]);
    second = await participantOf(service, lakeshore, 'restrict_to_org', [release]);
    docs.firstConfidential = await uploaded(first, 'confidential');
    docs.firstPublic = await uploaded(first, 'public');
    docs.secondConfidential = await uploaded(second, 'confidential');
  });

  test('each record lists its own documents before a link', async () => {
    expect(await listed(lakeshore, second)).toEqual([docs.secondConfidential]);
  });

  test('once linked, either id lists both records’ documents, newest first', async () => {
    await service.publish(PersonLinked, link(linkId, [first, second]), {
      orgId: lakeshore.orgId,
    });
    const all = [docs.secondConfidential, docs.firstPublic, docs.firstConfidential];
    for (const id of [first, second]) expect(await listed(lakeshore, id)).toEqual(all);
  });

  test('an organization that sees only one record lists that record’s documents alone', async () => {
    expect(await listed(elsewhere, first)).toEqual([docs.firstPublic]);
    expect(await listed(elsewhere, second)).toBe(404);
    // a release of the first record: its confidential document too, still none of the second's
    expect(await listed(northside, first)).toEqual([docs.firstPublic, docs.firstConfidential]);
    expect(await listed(northside, second)).toBe(404);
  });

  test('the undo puts each record’s documents back under it', async () => {
    await service.publish(PersonUnlinked, link(linkId, [first, second]), {
      orgId: lakeshore.orgId,
    });
    expect(await listed(lakeshore, first)).toEqual([docs.firstPublic, docs.firstConfidential]);
    expect(await listed(lakeshore, second)).toEqual([docs.secondConfidential]);
  });
});

test('a linked person’s confidential documents show only under the records whose release the reader holds', async () => {
  const released = await participantOf(service, lakeshore, 'share_global', [release]);
  const unreleased = await participantOf(service, lakeshore, 'share_global');
  const releasedConfidential = await uploaded(released, 'confidential');
  const unreleasedConfidential = await uploaded(unreleased, 'confidential');
  const unreleasedPublic = await uploaded(unreleased, 'public');
  await service.publish(PersonLinked, link(randomUUID(), [released, unreleased]), {
    orgId: lakeshore.orgId,
  });
  expect(await listed(northside, unreleased)).toEqual([unreleasedPublic, releasedConfidential]);
  expect(await listed(lakeshore, released)).toEqual([
    unreleasedPublic,
    unreleasedConfidential,
    releasedConfidential,
  ]);
});
