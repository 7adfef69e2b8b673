import { randomUUID } from 'node:crypto';
import { HmisClientImported } from '@hearth/events';
import { outboxEvents, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { client, enrollment, importToEnd, projectP1, zipOf } from './import-harness';

/**
 * An imported client is announced to intake with its disabling condition (3.08) from its imported
 * enrollments: the answer of the latest EntryDate that holds one (8/9/0/1 → unknown/refused/no/
 * yes; 99 or empty hold none), absent when no enrollment holds one.
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-09-01T12:00:00Z'),
  });
}, 60_000);
afterAll(() => service?.close());

const at = (EntryDate: string, DisablingCondition: number | string) => ({
  EntryDate,
  DisablingCondition,
});

test("each client's latest answer that is not 99 is announced in our words; none, absent", async () => {
  const importer = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  const zip = await zipOf({
    ...projectP1,
    Client: ['A', 'B', 'C', 'D', 'F'].map((id) => client(id)),
    Enrollment: [
      // A: 99 on the latest entry does not hide the earlier yes
      enrollment('A1', 'A', at('2025-01-15', 1)),
      enrollment('A2', 'A', at('2025-09-01', 99)),
      // B: refused (9) is an answer, and the latest one: it beats an earlier no and yes
      enrollment('B1', 'B', at('2025-08-01', 9)),
      enrollment('B2', 'B', at('2025-02-01', 0)),
      enrollment('B3', 'B', at('2024-11-01', 1)),
      // C: nothing collected on any enrollment (99, empty): no answer at all
      enrollment('C1', 'C', at('2025-03-01', 99)),
      enrollment('C2', 'C', at('2025-04-01', '')),
      // D has no enrollment; F's latest was deleted in the sender's system, its earlier one stands
      enrollment('F1', 'F', at('2025-05-01', 8)),
      enrollment('F2', 'F', at('2025-10-01', 1)),
      enrollment('F2', 'F', {
        ...at('2025-10-01', 1),
        DateUpdated: '2025-10-02 00:00:00',
        DateDeleted: '2025-10-02 00:00:00',
      }),
    ],
  });
  const answer = await importToEnd(service, importer, zip);
  expect(answer.status).toBe('done');
  expect(answer.files.Enrollment).toMatchObject({ read: 10, accepted: 9, deleted: 1 });

  const events = (await outboxEvents(service.pool, HmisClientImported)).filter(
    (e) => e.orgId === importer.orgId,
  );
  const of = Object.fromEntries(events.map((e) => [e.data.personalId, e.data]));
  expect(Object.keys(of).sort()).toEqual(['A', 'B', 'C', 'D', 'F']);
  expect(of.A!.disablingCondition).toBe('yes');
  expect(of.B!.disablingCondition).toBe('refused');
  expect(of.F!.disablingCondition).toBe('unknown');
  // nothing to say is not said: the field is absent, as on events from before it
  expect(of.C).not.toHaveProperty('disablingCondition');
  expect(of.D).not.toHaveProperty('disablingCondition');
  for (const e of events) expect(HmisClientImported.data.safeParse(e.data).success).toBe(true);
});

test('an event from before the field parses, with no answer', () => {
  const older = {
    importId: randomUUID(),
    exportId: 'EXP1',
    personalId: 'A',
    importerRoles: ['caseworker'],
    firstName: 'Ada',
    middleName: null,
    lastName: 'Lind',
    birthDate: '1990-04-01',
    sex: null,
    race: [],
    veteranStatus: null,
    ssnRefused: false,
  };
  const parsed = HmisClientImported.data.parse(older);
  expect(parsed.disablingCondition).toBeUndefined();
  expect(HmisClientImported.data.safeParse({ ...older, disablingCondition: 'maybe' }).success).toBe(
    false,
  );
});
