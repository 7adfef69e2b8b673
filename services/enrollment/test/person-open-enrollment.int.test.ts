import { randomUUID } from 'node:crypto';
import { PersonLinked, PersonUnlinked, SharingStateChanged } from '@hearth/events';
import { testActor } from '@hearth/testkit';
import {
  client,
  counts,
  daysAgo,
  introduce,
  participantFacts,
  sharingState,
  startEnrollment,
  type Harness,
} from './harness';
import { createProgram, enrollAlone, recordService } from './household';

/** "One open enrollment per program" counts a person once across records intake linked. */
const orgA = randomUUID();
const orgB = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const otherAgency = testActor({ orgId: orgB, roles: ['caseworker'] });
const contractManager = testActor({ orgId: orgA, roles: ['contract_manager'] });

let h: Harness;
let workshop: string;
beforeAll(async () => {
  h = await startEnrollment();
  workshop = await createProgram(h, worker, {
    name: 'Workshop',
    fundingSource: 'General',
    activeFrom: '2020-01-01',
  });
});
afterAll(() => h?.close());

const enroll = (headParticipantId: string, actor = worker) =>
  client(h.url, actor).post('/enrollments', {
    programId: workshop,
    headParticipantId,
    applicationDate: daysAgo(2),
  });
const linkOf = (survivor: string, other: string) => ({
  linkId: randomUUID(),
  personId: survivor,
  survivingParticipantId: survivor,
  participantIds: [survivor, other],
  at: new Date().toISOString(),
});
/** A record of the worker's organization, not enrolled: its id. */
async function recordAlone(): Promise<string> {
  const facts = participantFacts(orgA);
  await introduce(h, facts);
  return facts.participantId;
}

describe('one open enrollment per program and person', () => {
  it('refuses a second open enrollment through the linked record, naming the open one; allows it after the undo', async () => {
    const first = await enrollAlone(h, worker, workshop, daysAgo(30));
    const second = await recordAlone();
    const link = linkOf(first.participantId, second);
    await h.publish(PersonLinked, link, { orgId: orgA });

    const before = await counts(h);
    const refused = await enroll(second);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      {
        field: 'headParticipantId',
        message: `Open enrollment ${first.id} of participant ${first.participantId}`,
      },
    ]);
    expect(await counts(h)).toEqual(before);

    await h.publish(PersonUnlinked, link, { orgId: orgA });
    expect((await enroll(second)).status).toBe(201);
  });

  it('counts every record of a chain: C linked to B, B linked to the enrolled A', async () => {
    const a = await enrollAlone(h, worker, workshop, daysAgo(20));
    const [b, c] = [await recordAlone(), await recordAlone()];
    await h.publish(PersonLinked, linkOf(a.participantId, b), { orgId: orgA });
    await h.publish(PersonLinked, linkOf(c, b), { orgId: orgA });
    const refused = await enroll(c);
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].message).toContain(a.id);
  });

  it('lets one of two enrollments made at once through both records win', async () => {
    const [one, two] = [await recordAlone(), await recordAlone()];
    await h.publish(PersonLinked, linkOf(one, two), { orgId: orgA });
    const answers = await Promise.all([enroll(one), enroll(two)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const { rows } = await h.pool.query(
      `SELECT count(*)::int AS n FROM enrollments
       WHERE head_participant_id = ANY($1::uuid[]) AND program_id = $2 AND exit_date IS NULL`,
      [[one, two], workshop],
    );
    expect(rows[0].n).toBe(1);
  });

  it('still refuses when the open one is on a record the actor no longer sees, without naming it', async () => {
    // another agency's record, released to the worker's organization until yesterday
    const theirs = participantFacts(orgB, { securityRestriction: 'share_mou' });
    const release = {
      releaseId: randomUUID(),
      toOrgId: orgA,
      beginDate: daysAgo(60),
      endDate: daysAgo(-30),
      revokedAt: null,
    };
    await introduce(h, theirs);
    await h.publish(
      SharingStateChanged,
      sharingState(theirs, { releases: [release], sharingVersion: 2 }),
    );
    const open = await enroll(theirs.participantId);
    expect(open.status).toBe(201);
    await h.publish(
      SharingStateChanged,
      sharingState(theirs, {
        releases: [{ ...release, endDate: daysAgo(1) }],
        sharingVersion: 3,
      }),
    );
    const ours = await recordAlone();
    await h.publish(PersonLinked, linkOf(ours, theirs.participantId), { orgId: orgA });
    const refused = await enroll(ours);
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([
      { field: 'headParticipantId', message: 'Already enrolled in this program' },
    ]);
    expect(JSON.stringify(refused.body)).not.toContain(theirs.participantId);
    expect(JSON.stringify(refused.body)).not.toContain(open.body.id);
    // the other agency, which cannot see this program, is refused as before: nothing to learn
    expect((await enroll(theirs.participantId, otherAgency)).status).toBe(422);
  });

  it('keeps the exit of a record whose linked record was enrolled in the program since', async () => {
    const exited = await enrollAlone(h, worker, workshop, daysAgo(40));
    await recordService(h, exited, daysAgo(30), { startsParticipation: true, qualifying: true });
    const exit = await client(h.url, worker).post(`/enrollments/${exited.id}/exit`, {
      kind: 'exit',
      exitDate: daysAgo(5),
      reason: 'completed',
      housingStatusAtExit: 'permanent_housing',
    });
    expect(exit.status).toBe(200);
    const other = await recordAlone();
    await h.publish(PersonLinked, linkOf(exited.participantId, other), { orgId: orgA });
    const reenrolled = await enroll(other); // the person's record in the program is exited
    expect(reenrolled.status).toBe(201);
    const before = await counts(h);
    const removal = await client(h.url, contractManager).post(
      `/enrollments/${exited.id}/exit-removal`,
    );
    expect(removal.status).toBe(409);
    expect(removal.body.errors[0]).toMatchObject({
      field: 'headParticipantId',
      message: `Open enrollment ${reenrolled.body.id} of participant ${other}`,
    });
    expect(await counts(h)).toEqual(before);
  });
});
