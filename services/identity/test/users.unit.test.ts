import { removalRefusal } from '../src/domain/users';

test('an admin may not remove their own membership: the organization keeps a way to manage itself', () => {
  expect(
    removalRefusal('0b9b6f0e-1111-4a5e-9c1d-000000000001', '0b9b6f0e-1111-4a5e-9c1d-000000000001'),
  ).toBe('own_membership');
});

test('an admin may remove another user of their organization', () => {
  expect(
    removalRefusal('0b9b6f0e-1111-4a5e-9c1d-000000000001', '0b9b6f0e-1111-4a5e-9c1d-000000000002'),
  ).toBeUndefined();
});
