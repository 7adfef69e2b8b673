import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@hearth/logging';

/** A logger that keeps test output clean; `TEST_LOG_LEVEL=debug` shows what a failing test did. */
export function testLogger(service: string): Logger {
  return createLogger({
    service: `${service}-test`,
    level: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
}

/** A logger whose JSON lines the test reads, to prove what was (or was never) logged. */
export function recordingLogger(service: string): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ service: `${service}-test`, destination }), lines };
}
