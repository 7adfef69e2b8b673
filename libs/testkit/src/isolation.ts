import { randomUUID } from 'node:crypto';

/**
 * An exchange and a queue prefix of its own on the shared broker, so test files running in
 * parallel never receive each other's events.
 */
export function brokerIsolation(label: string): { exchange: string; queuePrefix: string } {
  const id = randomUUID().slice(0, 8);
  return { exchange: `test.${label}.${id}`, queuePrefix: `test-${id}.` };
}
