import { advisoryLockKey, lockKinds } from '@hearth/db';

describe('advisory lock keys', () => {
  it("a lock's name gives the first four bytes of its sha-256 as a signed int4, in every process", () => {
    // sha256("enrollment:auto-exit") begins 97ee52e8: 0x97ee52e8 - 2^32 = -1745988888
    expect(advisoryLockKey(lockKinds.scheduledJob, 'enrollment:auto-exit')).toEqual({
      kind: lockKinds.scheduledJob,
      id: -1745988888,
    });
  });
});
