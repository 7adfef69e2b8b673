import { mailOf, nextAttemptAt } from '../src/domain/mail';

const failedAt = new Date('2026-12-02T10:00:00.000Z');

test.each([
  [1, '2026-12-02T10:00:30.000Z'], // 30 s
  [2, '2026-12-02T10:01:00.000Z'], // 1 min
  [3, '2026-12-02T10:02:00.000Z'], // 2 min
  [7, '2026-12-02T10:32:00.000Z'], // 30 s × 2^6 = 32 min
  [8, '2026-12-02T11:00:00.000Z'], // 64 min would pass the hour: an hour
  [50, '2026-12-02T11:00:00.000Z'], // and on every hour, never dropped
])('after %i failed attempts the mail is tried again at %s', (attempts, at) => {
  expect(nextAttemptAt(failedAt, attempts).toISOString()).toBe(at);
});

test('a mail greets by first name and carries the link, nothing more', () => {
  expect(mailOf('placement', 'Dana', 'https://h.example/api/v1/referrals/1')).toEqual({
    subject: 'Hearth: a placement was accepted',
    body:
      'Hello Dana,\n\nA provider accepted a placement you referred.\n\n' +
      'Open it in Hearth: https://h.example/api/v1/referrals/1\n',
  });
});

test('an FSSP follow-up due has no mail', () => {
  expect(mailOf('fssp_follow_up_due', 'Dana', 'x')).toBeUndefined();
});
