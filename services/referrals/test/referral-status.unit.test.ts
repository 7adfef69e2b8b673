import { sideOf, statusChangeProblems } from '../src/domain/referral-status';

const sender = 'org-a';
const receiver = 'org-b';
const referral = { fromOrgId: sender, toOrgId: receiver };

test('the receiving organization is the receiver, the sending one the sender, any other neither', () => {
  expect(sideOf(receiver, referral)).toBe('receiver');
  expect(sideOf(sender, referral)).toBe('sender');
  expect(sideOf('org-c', referral)).toBe('neither');
});

test('a referral to one’s own organization is answered as its receiver', () => {
  expect(sideOf(sender, { fromOrgId: sender, toOrgId: sender })).toBe('receiver');
});

test.each([
  ['pending', 'accepted', 'receiver'],
  ['pending', 'rejected', 'receiver'],
  ['pending', 'withdrawn', 'sender'],
  ['accepted', 'completed', 'receiver'],
  ['accepted', 'withdrawn', 'sender'],
] as const)('a %s referral becomes %s by its %s', (from, to, side) => {
  expect(statusChangeProblems(from, to, side)).toEqual([]);
});

test.each([
  ['pending', 'accepted', 'sender'],
  ['pending', 'rejected', 'sender'],
  ['pending', 'withdrawn', 'receiver'],
  ['accepted', 'completed', 'sender'],
  ['pending', 'accepted', 'neither'],
  ['pending', 'withdrawn', 'neither'],
] as const)('a %s referral does not become %s by the %s side', (from, to, side) => {
  expect(statusChangeProblems(from, to, side)).toEqual([
    { field: 'status', message: expect.stringMatching(/^Only the (receiving|sending)/) },
  ]);
});

test.each([
  ['pending', 'completed'],
  ['accepted', 'rejected'],
  ['accepted', 'pending'],
  ['rejected', 'accepted'],
  ['withdrawn', 'pending'],
  ['completed', 'withdrawn'],
] as const)('a %s referral never becomes %s, whoever asks', (from, to) => {
  for (const side of ['sender', 'receiver'] as const)
    expect(statusChangeProblems(from, to, side)).toEqual([
      { field: 'status', message: `A ${from} referral cannot become ${to}` },
    ]);
});

test('a referral asked to become what it is already is refused on status', () => {
  expect(statusChangeProblems('accepted', 'accepted', 'receiver')).toEqual([
    { field: 'status', message: 'The referral is already accepted' },
  ]);
});
