import type { Actor } from '@hearth/auth';
import { mintToken, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { readModelConsumers } from '../src/events/consumers';
import { rebuildReadModel } from '../src/events/journal';
import { json } from './json';
import { hub, ids, northside, records, seedHub } from './rent-assistance-fixtures';

let service: TestService;
let hubStaff: Actor;

/** The hub's records of rent-assistance-fixtures.ts (the figures worked by hand there and below). */
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2027-01-15T12:00:00Z'),
  });
  hubStaff = testActor({ orgId: hub, roles: ['hub_staff'] });
  await seedHub(service);
}, 120_000);
afterAll(() => service?.close());

const period = 'from=2026-07-01&to=2026-12-31';
const ask = (query: string, actor = hubStaff) =>
  fetch(`${service.url}/api/v1/reports/rent-assistance?${query}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });
async function report(query = period, actor = hubStaff) {
  const res = await ask(query, actor);
  expect(res.status).toBe(200);
  return json(res);
}

test('persons served with RRH/HP count a linked pair once and leave out pre-program exits and deleted services', async () => {
  // Eve (her new record), Gus (two records, one person), Hal; Fay's record ended before the
  // program, Jo's only service was deleted, the others' services are before the period
  expect((await report()).servedWithRrhOrHp).toBe(3);
});

test('housed at 6 and 12 months count the cohort whose retention point falls in the period, received-RA-again episodes left out', async () => {
  const answer = await report();
  // 6 months: Ana (07-31, housed) and Cy (09-30, unknown); Dee (outcome) and Eve (a new record
  // after her exit) received RA again; Ida never had RRH/HP
  expect(answer.housedAt6Months).toEqual({ cohort: 2, housed: 1, percent: 50 });
  // 12 months: Kim (2026-07-31, housed) and Ben (12-31, not housed)
  expect(answer.housedAt12Months).toEqual({ cohort: 2, housed: 1, percent: 50 });
});

test('amounts are summed by funding source and month covered, voided payments left out', async () => {
  expect((await report()).amounts).toEqual([
    // Gus's rent paid and utilities approved; June is before the period
    { fundingSource: 'ESG', month: '2026-09', amountCents: 125000, paidCents: 120000 },
    { fundingSource: 'TANF', month: '2026-08', amountCents: 80000, paidCents: 80000 },
    // Eve's voided 900.00 is out; her 700.00 is paid (its first version arrived last)
    { fundingSource: 'TANF', month: '2026-10', amountCents: 70000, paidCents: 70000 },
  ]);
});

test('a figure lists the records it counted that the requester may see', async () => {
  const served = (await report(`${period}&list=served`)).listed;
  expect(served.items.map((i: { enrollmentId: string }) => i.enrollmentId).sort()).toEqual(
    [records.eveAgain, records.gus, records.gusAgain].sort(),
  );
  expect(served.withheld).toBe(1); // Hal, Northside's restricted client
  const housed6 = (await report(`${period}&list=housed6`)).listed.items;
  expect(housed6).toEqual([
    { participantId: ids.ana, enrollmentId: records.ana, detail: '2026-01-31' },
  ]);
  const paid = (await report(`${period}&list=payments`)).listed;
  expect(paid.items).toHaveLength(3);
  expect(paid.withheld).toBe(1);
});

test('the report comes as CSV; another organization sees none of the hub’s records', async () => {
  const res = await ask(`${period}&format=csv`);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const lines = (await res.text()).split('\r\n');
  expect(lines[0]).toBe('figure,breakdown,value');
  expect(lines).toContain('served_with_rrh_or_hp,,3');
  expect(lines).toContain('amount_cents,ESG 2026-09,125000');
  expect(lines).toContain('paid_cents,ESG 2026-09,120000');
  // the retention figures of the test above, each its own line
  for (const months of [6, 12])
    expect(lines).toEqual(
      expect.arrayContaining([
        `housed_${months}_months_cohort,,2`,
        `housed_${months}_months,,1`,
        `housed_${months}_months_percent,,50`,
      ]),
    );
  const other = await report(period, testActor({ orgId: northside, roles: ['hub_staff'] }));
  expect(other).toMatchObject({ servedWithRrhOrHp: 0, amounts: [] });
  expect(other.housedAt6Months).toEqual({ cohort: 0, housed: 0, percent: null });
  const reversed = await ask('from=2026-12-31&to=2026-07-01');
  expect(reversed.status).toBe(422);
  expect((await ask(period, testActor({ orgId: hub, roles: ['admin'] }))).status).toBe(403);
});

test('a rebuild of the read model from its journal gives the same report', async () => {
  const before = await report(`${period}&list=served`);
  await rebuildReadModel(service.pool, readModelConsumers());
  expect(await report(`${period}&list=served`)).toEqual(before);
});
