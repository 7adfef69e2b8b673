import { randomUUID } from 'node:crypto';
import { startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { exportedBy } from './export-harness';
import { client, enrollment, importToEnd, projectP1, stamps, zipOf } from './import-harness';

/**
 * Enrollment.csv's DisablingCondition (3.08, HUD's list 1.8: 0 no, 1 yes, 8 client doesn't know,
 * 9 prefers not to answer, 99 not collected) checked on import, kept, and exported as it came.
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    env: { HMIS_IMPORT_POLL_MS: '200' },
  });
}, 60_000);
afterAll(() => service?.close());

const disablingOf = async (actor: ReturnType<typeof testActor>) =>
  Object.fromEntries(
    (await exportedBy(service, actor))
      .records('Enrollment')
      .map((e) => [e.EnrollmentID, e.DisablingCondition]),
  );

test("a code off HUD's list is a refused row naming the column; the others come back in the export as sent, an empty one as 99", async () => {
  const actor = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  const answers: Record<string, string | number> = {
    E0: 0,
    E1: 1,
    E8: 8,
    E9: 9,
    E99: 99,
    Eoff: 2,
    Edot: '1.0',
  };
  const body = await importToEnd(
    service,
    actor,
    await zipOf({
      ...projectP1,
      Client: [client('A')],
      Enrollment: [
        ...Object.entries(answers).map(([id, code]) =>
          enrollment(id, 'A', { DisablingCondition: code }),
        ),
        enrollment('Eempty', 'A'),
      ],
    }),
  );
  expect(body.status).toBe('done');
  expect(body.files.Enrollment).toMatchObject({ read: 8, accepted: 6, refused: 2 });
  expect(body.refusals).toEqual([
    {
      file: 'Enrollment.csv',
      row: 7,
      column: 'DisablingCondition',
      message: "Not in HUD's code list: 2",
    },
    {
      file: 'Enrollment.csv',
      row: 8,
      column: 'DisablingCondition',
      message: "Not in HUD's code list: 1.0",
    },
  ]);
  expect(await disablingOf(actor)).toEqual({
    E0: '0',
    E1: '1',
    E8: '8',
    E9: '9',
    E99: '99',
    // HUD's column is never empty: an answer not sent is not collected
    Eempty: '99',
  });
});

test('a later version of the row brings its new answer into the export', async () => {
  const actor = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  const once = (code: number, DateUpdated: string) =>
    zipOf({
      ...projectP1,
      Client: [client('A')],
      Enrollment: [enrollment('E1', 'A', { DisablingCondition: code, DateUpdated })],
    });
  expect((await importToEnd(service, actor, await once(8, stamps.DateUpdated))).status).toBe(
    'done',
  );
  expect(await disablingOf(actor)).toEqual({ E1: '8' });
  const later = await importToEnd(service, actor, await once(1, '2024-05-06 07:08:09'));
  expect(later.files.Enrollment).toMatchObject({ read: 1, updated: 1 });
  expect(await disablingOf(actor)).toEqual({ E1: '1' });
});
