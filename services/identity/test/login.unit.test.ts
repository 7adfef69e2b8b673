import { chooseMembership } from '../src/domain/login';
import type { MembershipView } from '../src/domain/users';

const lakeshore: MembershipView = {
  organizationId: '00000000-0000-4000-8000-000000000001',
  organizationName: 'Lakeshore Refugee Resettlement',
  roles: ['caseworker'],
};
const northside: MembershipView = {
  organizationId: '00000000-0000-4000-8000-000000000002',
  organizationName: 'Northside Rent Assistance Hub',
  roles: ['hub_staff'],
};

describe('choosing the organization a login is for', () => {
  test('one membership needs no choice', () => {
    expect(chooseMembership([lakeshore], undefined)).toEqual({
      kind: 'chosen',
      membership: lakeshore,
    });
  });

  test('several memberships and none named: the choices, by name', () => {
    expect(chooseMembership([northside, lakeshore], undefined)).toEqual({
      kind: 'choose_one',
      organizations: [
        { id: lakeshore.organizationId, name: lakeshore.organizationName },
        { id: northside.organizationId, name: northside.organizationName },
      ],
    });
  });

  test('a named organization is used with the roles held there', () => {
    expect(chooseMembership([lakeshore, northside], northside.organizationId)).toEqual({
      kind: 'chosen',
      membership: northside,
    });
  });

  test('a named organization the user does not belong to is refused, even with one membership', () => {
    expect(chooseMembership([lakeshore], northside.organizationId)).toEqual({
      kind: 'not_a_member',
    });
  });

  test('no membership at all is its own answer', () => {
    expect(chooseMembership([], undefined)).toEqual({ kind: 'no_membership' });
  });
});
