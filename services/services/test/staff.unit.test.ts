import { staffProblem } from '../src/domain/staff';

const me = '11111111-1111-4111-8111-111111111111';
const colleague = '22222222-2222-4222-8222-222222222222';

describe('who may be named as the staff of a service', () => {
  test('oneself, always, whatever the role and without a directory entry', () => {
    expect(staffProblem({ userId: me, roles: ['caseworker'] }, me, undefined)).toBeUndefined();
  });

  test('another user only by data_entry: anyone else is forbidden, before the user is looked at', () => {
    for (const roles of [['caseworker'], ['supervisor'], ['admin'], []])
      expect(staffProblem({ userId: me, roles }, colleague, { active: true })).toBe('forbidden');
  });

  test('data_entry: an active user is fine; an inactive or unknown one names staffUserId', () => {
    const dataEntry = { userId: me, roles: ['data_entry'] };
    expect(staffProblem(dataEntry, colleague, { active: true })).toBeUndefined();
    const problem = { field: 'staffUserId', message: 'Not an active user of your organization' };
    expect(staffProblem(dataEntry, colleague, { active: false })).toEqual(problem);
    expect(staffProblem(dataEntry, colleague, undefined)).toEqual(problem);
  });
});
