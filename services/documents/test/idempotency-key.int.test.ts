import { testActor } from '@hearth/testkit';
import { depsOf } from '../src/deps';
import { releaseExpiredKeys } from '../src/use-cases/idempotency-keys';
import {
  NOW,
  participantOf,
  samples,
  startDocuments,
  upload,
  type Documents,
} from './support/documents';

/** The service's "now", set by each test. */
let now = NOW;
let service: Documents;
beforeAll(async () => {
  service = await startDocuments({}, () => now);
});
afterAll(() => service?.close());

const hoursAfter = (hours: number, minutes = 0) =>
  new Date(NOW.getTime() + (hours * 60 + minutes) * 60_000);
const otherFile = { files: [{ fileName: 'o.pdf', type: 'application/pdf', bytes: samples.pdf }] };

/** A case worker's first upload with `key`, at `at`. */
async function firstUpload(key: string, at = NOW) {
  now = at;
  const caseworker = testActor();
  const participantId = await participantOf(service, caseworker);
  const headers = { 'idempotency-key': key };
  const first = await upload(service, caseworker, participantId, { headers });
  const again = (extra = {}) => upload(service, caseworker, participantId, { headers, ...extra });
  return { id: first.body.id as string, again };
}

test('a key answers its first upload again for 24 hours, then the same upload is a new document', async () => {
  const { id, again } = await firstUpload('passport-scan');
  now = hoursAfter(23, 59);
  const replay = await again();
  expect([replay.status, replay.body.id, replay.headers.get('idempotent-replayed')]).toEqual([
    201,
    id,
    'true',
  ]);
  now = hoursAfter(24);
  const fresh = await again();
  expect(fresh.status).toBe(201);
  expect(fresh.body.id).not.toBe(id);
  expect(fresh.headers.get('idempotent-replayed')).toBeNull();
  expect(await service.db.collection('documents').countDocuments({ _id: id as never })).toBe(1);
});

test('another upload under a key is refused within its 24 hours and accepted after', async () => {
  const { id, again } = await firstUpload('pay-stub');
  now = hoursAfter(23, 59);
  const before = await service.gridFs();
  const refused = await again(otherFile);
  expect(refused.status).toBe(422);
  expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['Idempotency-Key']);
  expect(await service.gridFs()).toEqual(before);
  now = hoursAfter(24);
  const accepted = await again(otherFile);
  expect(accepted.status).toBe(201);
  expect(accepted.body.id).not.toBe(id);
});

test('the sweep frees keys 24 hours old and keeps younger ones', async () => {
  const old = await firstUpload('sweep-old');
  const young = await firstUpload('sweep-young', hoursAfter(1));
  now = hoursAfter(24); // the old key's 24 h are up; the young one has an hour left
  await releaseExpiredKeys(depsOf(service.service.ctx));
  const keys = service.db.collection<{ _id: string; idempotency: { key: string } }>('documents');
  expect((await keys.findOne({ _id: old.id }))?.idempotency.key).toBe(`expired:${old.id}`);
  expect((await keys.findOne({ _id: young.id }))?.idempotency.key).toBe('sweep-young');
  expect((await old.again()).body.id).not.toBe(old.id); // freed: a new document
});

test('two retries racing to an expired key make one new document, the other replays it', async () => {
  const { id, again } = await firstUpload('racing-retries');
  now = hoursAfter(25);
  const answers = await Promise.all([again(), again()]);
  expect(answers.map((a) => a.status)).toEqual([201, 201]);
  expect(answers[0]!.body.id).toBe(answers[1]!.body.id);
  expect(answers[0]!.body.id).not.toBe(id);
  const replayed = answers.map((a) => a.headers.get('idempotent-replayed'));
  expect(replayed.filter((r) => r === 'true')).toHaveLength(1);
});
