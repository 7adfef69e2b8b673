import {
  duplicateOfferProblems,
  editSideProblems,
  isOver,
  notInFuture,
  outcomeProblems,
} from '../src/domain/referral';
import { referralReadable } from '../src/domain/referral-access';

const sender = 'org-sender';
const receiver = 'org-receiver';
const referral = (status: 'pending' | 'accepted' | 'rejected' | 'withdrawn' | 'completed') => ({
  fromOrgId: sender,
  toOrgId: receiver,
  status,
});

describe('who reads a referral', () => {
  test.each([
    ['pending', true],
    ['accepted', true],
    ['completed', true],
    ['rejected', false],
    ['withdrawn', false],
  ] as const)(
    'the receiver without the participant’s sharing reads a %s one: %s',
    (status, seen) => {
      expect(referralReadable(receiver, referral(status), false)).toBe(seen);
    },
  );

  test('the receiver whose organization the participant is shared with reads it in any status', () => {
    expect(referralReadable(receiver, referral('withdrawn'), true)).toBe(true);
  });

  test('the sender reads it only while the participant’s sharing lets it', () => {
    expect(referralReadable(sender, referral('pending'), true)).toBe(true);
    expect(referralReadable(sender, referral('pending'), false)).toBe(false);
  });

  test('a third organization never does, even when it sees the participant', () => {
    expect(referralReadable('org-third', referral('pending'), true)).toBe(false);
  });
});

describe('the rules of a referral', () => {
  test('a date after today is in the future; today is not', () => {
    expect(notInFuture('referralDate', '2026-06-15', '2026-06-15')).toEqual([]);
    expect(notInFuture('referralDate', '2026-06-16', '2026-06-15')).toEqual([
      { field: 'referralDate', message: 'In the future (today is 2026-06-15)' },
    ]);
  });

  test('each side edits its own fields only, each other field named', () => {
    expect(editSideProblems({ version: 1, comment: 'a', needIds: [] }, 'sender')).toEqual([]);
    expect(
      editSideProblems({ version: 1, comment: 'a', receiverComment: 'b' }, 'receiver').map(
        (p) => p.field,
      ),
    ).toEqual(['comment']);
    expect(
      editSideProblems({ version: 1, receiverComment: 'b' }, 'sender').map((p) => p.field),
    ).toEqual(['receiverComment']);
  });

  test('an outcome needs an accepted or completed referral, dated from the referral to today', () => {
    const today = '2026-06-15';
    const base = { referralDate: '2026-06-10' };
    const outcome = (outcomeDate: string) => ({ outcomeDate, result: 'service_provided' as const });
    expect(outcomeProblems({ ...base, status: 'pending' }, outcome('2026-06-12'), today)).toEqual([
      { field: 'status', message: 'A pending referral has no outcome' },
    ]);
    expect(outcomeProblems({ ...base, status: 'accepted' }, outcome('2026-06-10'), today)).toEqual(
      [],
    );
    expect(outcomeProblems({ ...base, status: 'completed' }, outcome('2026-06-15'), today)).toEqual(
      [],
    );
    expect(
      outcomeProblems({ ...base, status: 'accepted' }, outcome('2026-06-09'), today)[0].field,
    ).toBe('outcomeDate');
    expect(
      outcomeProblems({ ...base, status: 'accepted' }, outcome('2026-06-16'), today)[0].field,
    ).toBe('outcomeDate');
  });

  test('rejected and withdrawn referrals are over; the others are not', () => {
    expect(
      ['pending', 'accepted', 'rejected', 'withdrawn', 'completed'].filter((s) =>
        isOver(s as never),
      ),
    ).toEqual(['rejected', 'withdrawn']);
  });

  test('a service offered twice is at fault on each later row', () => {
    const offer = (referralService: string) => ({ referralService, contactName: 'A' });
    expect(
      duplicateOfferProblems([offer('a'), offer('b'), offer('a'), offer('a')]).map((p) => p.field),
    ).toEqual(['offers.2.referralService', 'offers.3.referralService']);
  });
});
