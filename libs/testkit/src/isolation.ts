import { randomUUID } from 'node:crypto';

/**
 * How long a test's queues outlive their last use: far longer than a test file runs (retry and
 * parked-message queues have no consumer, so they count from their declaration), short enough
 * that a run killed before it closed its services leaves nothing on the broker for long.
 */
export const TEST_QUEUE_EXPIRES_MS = 30 * 60_000;

/**
 * An exchange and a queue prefix of its own on the shared broker, so test files running in
 * parallel never receive each other's events.
 */
export function brokerIsolation(label: string): { exchange: string; queuePrefix: string } {
  const id = randomUUID().slice(0, 8);
  return { exchange: `test.${label}.${id}`, queuePrefix: `test-${id}.` };
}
