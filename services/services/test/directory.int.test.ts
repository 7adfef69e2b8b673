import { randomUUID } from 'node:crypto';
import { organizationOf, orgUserOf } from '@hearth/directory';
import { OrganizationCreated, OrganizationUpdated, UserCreated, UserUpdated } from '@hearth/events';
import { publishAndWait, startServiceForTest, type TestService } from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { nextVersion, organizationIn, orgUserIn } from './directory-fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv);
});
afterAll(() => service?.close());

const org = (organizationId: string, timeZone: string, version: number) => ({
  organizationId,
  name: 'Lakeshore Refugee Resettlement',
  kind: 'refugee_resettlement',
  timeZone,
  version,
});

describe("identity's organizations", () => {
  test('a created organization is kept with its time zone, and an update replaces it', async () => {
    const orgId = randomUUID();
    await organizationIn(service, orgId, 'America/Chicago');
    expect(await organizationOf(service.pool, orgId)).toMatchObject({
      id: orgId,
      timeZone: 'America/Chicago',
    });
    await publishAndWait(
      service,
      OrganizationUpdated,
      org(orgId, 'America/New_York', nextVersion()),
    );
    expect((await organizationOf(service.pool, orgId))?.timeZone).toBe('America/New_York');
  });

  test('an older event delivered after a newer one changes nothing (version 3 stands over 2)', async () => {
    const orgId = randomUUID();
    await publishAndWait(service, OrganizationUpdated, org(orgId, 'Africa/Nairobi', 3));
    await publishAndWait(service, OrganizationCreated, org(orgId, 'America/Chicago', 2));
    await publishAndWait(service, OrganizationUpdated, org(orgId, 'America/Chicago', 3)); // a copy
    expect((await organizationOf(service.pool, orgId))?.timeZone).toBe('Africa/Nairobi');
  });
});

describe("identity's users", () => {
  test('a user is kept per organization; removed (updated inactive) they stay, inactive', async () => {
    const orgId = randomUUID();
    const user = await orgUserIn(service, orgId, { name: 'Dana Entry', roles: ['data_entry'] });
    expect(await orgUserOf(service.pool, orgId, user.userId)).toEqual({
      userId: user.userId,
      orgId,
      name: 'Dana Entry',
      roles: ['data_entry'],
      active: true,
    });
    expect(await orgUserOf(service.pool, randomUUID(), user.userId)).toBeUndefined();
    await publishAndWait(service, UserUpdated, {
      ...user,
      roles: [],
      active: false,
      version: nextVersion(),
    });
    expect(await orgUserOf(service.pool, orgId, user.userId)).toMatchObject({
      active: false,
      roles: [],
    });
  });

  test('the creation arriving after the removal does not bring the user back', async () => {
    const orgId = randomUUID();
    const userId = randomUUID();
    const facts = { userId, orgId, name: 'Lee Left', roles: ['caseworker'] };
    await publishAndWait(service, UserUpdated, { ...facts, roles: [], active: false, version: 11 });
    await publishAndWait(service, UserCreated, { ...facts, active: true, version: 10 });
    expect((await orgUserOf(service.pool, orgId, userId))?.active).toBe(false);
  });
});
