import { randomUUID } from 'node:crypto';
import { testActor } from '@hearth/testkit';
import { client, daysAgo, startEnrollment, type Harness } from './harness';
import { answers, deniedReasons, sharedHousehold } from './hmis-fixtures';

const orgA = randomUUID();
const partnerOrg = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const partner = testActor({ orgId: partnerOrg, roles: ['caseworker'] });
const stranger = testActor({ roles: ['caseworker'] });

let h: Harness;
let household: Awaited<ReturnType<typeof sharedHousehold>>;
const ids: Record<string, string> = {};
const path = () => `/enrollments/${household.enrollmentId}/assessments`;

beforeAll(async () => {
  h = await startEnrollment();
  household = await sharedHousehold(h, worker, partnerOrg);
  const record = async (
    name: string,
    participantId: string,
    restriction: string,
    stage: string,
  ) => {
    const res = await client(h.url, worker).post(path(), {
      participantId,
      stage,
      informationDate: daysAgo(stage === 'project_start' ? 100 : 90), // HUD: the entry
      restriction,
      elements: { incomeBenefits: answers.incomeBenefits },
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    ids[name] = res.body.id;
  };
  await record('headMou', household.head.participantId, 'mou', 'project_start');
  await record('headOrg', household.head.participantId, 'org', 'update');
  await record('spouseMou', household.spouse.participantId, 'mou', 'project_start');
});
afterAll(() => h?.close());

describe("each HUD assessment's restriction", () => {
  it('lets an organization the member released their data to read an mou assessment, never change it', async () => {
    const read = await client(h.url, partner).get(`${path()}/${ids.headMou}`);
    expect(read.status).toBe(200);
    const change = await client(h.url, partner).patch(`${path()}/${ids.headMou}`, {
      version: 1,
      restriction: 'org',
    });
    expect(change.status).toBe(403);
  });

  it('keeps an org assessment with its organization, even from a released one (404, audited)', async () => {
    const res = await client(h.url, partner).get(`${path()}/${ids.headOrg}`);
    expect(res.status).toBe(404);
    expect(await deniedReasons(h, household.head.participantId, partner.userId)).toContain(
      'record_restricted_to_org',
    );
  });

  it("hides a member's mou assessment once their release has expired (404, audited)", async () => {
    const res = await client(h.url, partner).get(`${path()}/${ids.spouseMou}`);
    expect(res.status).toBe(404);
    expect(await deniedReasons(h, household.spouse.participantId, partner.userId)).toContain(
      'release_expired',
    );
  });

  it('answers another organization without a release as if the enrollment did not exist', async () => {
    const list = await client(h.url, stranger).get(path());
    const one = await client(h.url, stranger).get(`${path()}/${ids.headMou}`);
    expect([list.status, one.status]).toEqual([404, 404]);
  });

  it('lists for each reader only the assessments they may read', async () => {
    const mine = await client(h.url, worker).get(path());
    expect(mine.body.items.map((a: { id: string }) => a.id).sort()).toEqual(
      [ids.headMou, ids.headOrg, ids.spouseMou].sort(),
    );
    const partners = await client(h.url, partner).get(`${path()}?limit=1`);
    expect(partners.body.items.map((a: { id: string }) => a.id)).toEqual([ids.headMou]);
    expect(partners.body.nextCursor).toBeNull();
  });

  it('lets only the enrolling organization record an assessment', async () => {
    const res = await client(h.url, partner).post(path(), {
      participantId: household.head.participantId,
      stage: 'annual',
      informationDate: daysAgo(5),
      elements: { incomeBenefits: { incomeFromAnySource: 0 } },
    });
    expect(res.status).toBe(403);
  });
});
