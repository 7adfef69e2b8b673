import { randomUUID } from 'node:crypto';
import { withTransaction } from '@hearth/db';
import { idempotently } from '@hearth/http';
import { startServiceForTest, waitFor, type TestService } from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW } from './fixtures';

/** The cleanup job as the service schedules it (every second here), on a clock the test moves. */
let now = NOW;
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, {
    clock: () => now,
    env: { IDEMPOTENCY_CLEANUP_EVERY_MS: '1000' },
  });
});
afterAll(() => service?.close());

const hoursBefore = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
/** A kept answer of a quick-services request, taken `h` hours before NOW. */
async function keyTaken(h: number) {
  const key = randomUUID();
  await withTransaction(service.pool, (tx) =>
    idempotently(tx, { actorId: randomUUID(), key, request: { h } }, hoursBefore(h), async () => ({
      status: 201,
      body: { recorded: [] },
    })),
  );
  return key;
}
const keysLeft = async (keys: string[]) =>
  (await service.pool.query('SELECT key FROM idempotency_keys WHERE key = ANY($1)', [keys])).rows
    .map((r) => r.key as string)
    .sort();

test('keys 24 h old are deleted by the scheduled job; a younger one once the clock has moved on', async () => {
  const expired = [await keyTaken(30), await keyTaken(24)];
  const young = await keyTaken(1);
  await waitFor(
    async () => (await keysLeft([...expired, young])).length === 1,
    10_000,
    'the job to delete the expired keys',
  );
  expect(await keysLeft([...expired, young])).toEqual([young]);

  now = new Date(NOW.getTime() + 23 * 3_600_000); // 24 h after the young key was taken
  await waitFor(async () => (await keysLeft([young])).length === 0, 10_000, 'the next pass');
});
