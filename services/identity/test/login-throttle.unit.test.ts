import {
  delayAfterFailures,
  throttleDecision,
  type FailureHistory,
} from '../src/domain/login-throttle';

const history = (h: Partial<FailureHistory>): FailureHistory => ({
  pairFailures: 0,
  secondsSinceLastPairFailure: null,
  pairClearsInSeconds: null,
  addressFailures: 0,
  addressClearsInSeconds: null,
  ...h,
});

test('the first three failures of an email from an address cost no wait; then 1, 2, 4, 8 s', () => {
  expect([1, 2, 3, 4, 5, 6, 7].map(delayAfterFailures)).toEqual([0, 0, 0, 1, 2, 4, 8]);
});

test('right after a third failure the next try is allowed at once', () => {
  expect(throttleDecision(history({ pairFailures: 3, secondsSinceLastPairFailure: 0 }))).toEqual({
    allowed: true,
  });
});

test('after a sixth failure 1 s ago, the next try waits the 3 s left of its 4 s delay', () => {
  const decision = throttleDecision(history({ pairFailures: 6, secondsSinceLastPairFailure: 1 }));
  expect(decision).toEqual({ allowed: false, reason: 'delay', retryAfterSeconds: 3 });
});

test('after a sixth failure 4 s ago, the next try is allowed', () => {
  const decision = throttleDecision(history({ pairFailures: 6, secondsSinceLastPairFailure: 4 }));
  expect(decision.allowed).toBe(true);
});

test('ten failures close the email at that address until the oldest leaves the window', () => {
  const decision = throttleDecision(
    history({ pairFailures: 10, secondsSinceLastPairFailure: 600, pairClearsInSeconds: 119.2 }),
  );
  expect(decision).toEqual({ allowed: false, reason: 'pair_limit', retryAfterSeconds: 120 });
});

test('a hundred failures from one address over any emails close that address', () => {
  const decision = throttleDecision(history({ addressFailures: 100, addressClearsInSeconds: 30 }));
  expect(decision).toEqual({ allowed: false, reason: 'address_limit', retryAfterSeconds: 30 });
});
