import { OrganizationCreated } from '@hearth/events';
import { publishAndWait, testActor } from '@hearth/testkit';
import type { Actor } from '@hearth/auth';
import {
  confidentialFields,
  participantOf,
  startDocuments,
  upload,
  type Documents,
} from './support/documents';

/** The service's "now", set by each test. */
let now = new Date('2026-12-01T15:00:00Z');
let service: Documents;
let version = 0;
beforeAll(async () => {
  service = await startDocuments({}, () => now);
});
afterAll(() => service?.close());

/** A case worker of an organization identity announced in `timeZone` (none: not arrived yet). */
async function caseworkerIn(timeZone?: string): Promise<Actor> {
  const actor = testActor();
  if (timeZone)
    await publishAndWait(
      service,
      OrganizationCreated,
      { organizationId: actor.orgId, name: 'Agency', kind: 'other', timeZone, version: ++version },
      { orgId: actor.orgId },
    );
  return actor;
}

/** The status of an upload dated `documentDate`, and what a refusal left stored. */
async function uploadDated(actor: Actor, documentDate: string) {
  const participantId = await participantOf(service, actor);
  const before = await service.gridFs();
  const answer = await upload(service, actor, participantId, {
    fields: { ...confidentialFields, documentDate },
  });
  if (answer.status === 201) return 201;
  expect(answer.body.errors).toEqual([{ field: 'documentDate', message: 'Not in the future' }]);
  expect(await service.gridFs()).toEqual(before);
  expect(await service.db.collection('documents').countDocuments({ participantId })).toBe(0);
  return answer.status;
}

describe("a document date is never in the future on the organization's calendar", () => {
  test('in Chicago at 21:30 on Dec 1 (03:30 UTC on Dec 2), Dec 2 is refused, Dec 1 accepted', async () => {
    now = new Date('2026-12-02T03:30:00Z'); // Chicago keeps standard time in December: UTC−6
    const actor = await caseworkerIn('America/Chicago');
    expect(await uploadDated(actor, '2026-12-02')).toBe(422);
    expect(await uploadDated(actor, '2026-12-01')).toBe(201);
  });

  test('in Nairobi at 01:30 on Dec 2 (22:30 UTC on Dec 1), Dec 2 is today: accepted', async () => {
    now = new Date('2026-12-01T22:30:00Z'); // Nairobi: UTC+3, no daylight time
    const actor = await caseworkerIn('Africa/Nairobi');
    expect(await uploadDated(actor, '2026-12-02')).toBe(201);
    expect(await uploadDated(actor, '2026-12-03')).toBe(422);
  });

  test('an organization not yet in the directory gets the earliest date on Earth (UTC−12)', async () => {
    now = new Date('2026-12-01T22:30:00Z'); // 10:30 on Dec 1 at UTC−12
    const actor = await caseworkerIn();
    expect(await uploadDated(actor, '2026-12-02')).toBe(422);
    expect(await uploadDated(actor, '2026-12-01')).toBe(201);
  });
});
