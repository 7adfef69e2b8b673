import { DuplicateDismissed } from '@hearth/events';
import { outboxEvents, rowCounts, testActor } from '@hearth/testkit';
import { client, createParticipant, startIntake } from './harness';

/** A dismissal reaches the audit trail through intake's event: ids only, in its transaction. */
let intake: Awaited<ReturnType<typeof startIntake>>;
const supervisor = testActor({ roles: ['supervisor'] });
const stranger = testActor({ roles: ['supervisor'] });
const leila = { firstName: 'Leila', lastName: 'Nasser', birthDate: '1992-12-24', sex: 'female' };
let pair: [string, string];

beforeAll(async () => {
  intake = await startIntake();
  const ids = [
    await createParticipant(intake.url, supervisor, leila),
    await createParticipant(intake.url, supervisor, { ...leila, firstName: 'Layla' }),
  ].sort();
  pair = [ids[0]!, ids[1]!];
  await intake.pool.query(
    `INSERT INTO suspected_duplicates (participant_a, participant_b, score, reasons, found_at)
     VALUES ($1, $2, 75, ARRAY['same_birth_date'], now())`,
    pair,
  );
});
afterAll(() => intake.close());

const dismiss = (actor = supervisor) =>
  client(intake.url, actor).post('/participants/duplicates/dismissals', {
    participantIds: [pair[1], pair[0]],
    reason: 'Twins: different SSNs on file',
  });

describe('a dismissal announced', () => {
  it('is refused, 404 and unannounced, to an organization that cannot see the records', async () => {
    const before = await rowCounts(intake.pool, ['outbox', 'participant_history']);
    expect((await dismiss(stranger)).status).toBe(404);
    expect(await rowCounts(intake.pool, ['outbox', 'participant_history'])).toEqual(before);
  });

  it('announces intake.duplicate.dismissed with the pair’s ids, who and when, never the reason', async () => {
    const res = await dismiss();
    expect(res.status).toBe(201);
    const events = await outboxEvents(intake.pool, DuplicateDismissed);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      orgId: supervisor.orgId,
      actor: { userId: supervisor.userId },
      data: { participantIds: pair, at: res.body.dismissedAt },
    });
    expect(JSON.stringify(events[0])).not.toContain('Twins');
  });

  it('announces nothing more when the pair is dismissed again (409)', async () => {
    expect((await dismiss()).status).toBe(409);
    expect(await outboxEvents(intake.pool, DuplicateDismissed)).toHaveLength(1);
  });
});
