import { createLogger, type Logger } from '@hearth/logging';

/** A logger that keeps test output clean; `TEST_LOG_LEVEL=debug` shows what a failing test did. */
export function testLogger(service: string): Logger {
  return createLogger({
    service: `${service}-test`,
    level: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
}
