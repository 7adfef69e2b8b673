import type { Actor } from '@hearth/auth';
import { mintToken, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { readExport } from './csv';
import { seedContinuum } from './export-fixtures';

/** A reporting service on "today" 2026-06-30 with the small continuum of export-fixtures.ts. */
export async function startSeeded() {
  const service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-06-30T12:00:00Z'),
  });
  const seeded = await seedContinuum(service);
  const lakeshore = testActor({ orgId: seeded.ids.lakeshore, roles: ['caseworker'] });
  return { service, seeded, lakeshore };
}

export const hex = (id: string) => id.replace(/-/g, '');
export const at = (iso: string) => iso.slice(0, 19).replace('T', ' ');
export const range = { startDate: '2026-01-01', endDate: '2026-06-30' };

export const postExport = (service: TestService, actor: Actor, body: unknown) =>
  fetch(`${service.url}/api/v1/exports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${mintToken(actor)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The export's files, after checking it answered a zip. */
export async function exportedBy(service: TestService, actor: Actor, body: object = range) {
  const res = await postExport(service, actor, body);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  return readExport(Buffer.from(await res.arrayBuffer()));
}
