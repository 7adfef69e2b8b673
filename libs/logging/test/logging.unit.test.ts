import { Writable } from 'node:stream';
import {
  createLogger,
  currentRequestId,
  requestIdFromHeader,
  runWithRequestId,
} from '@hearth/logging';

describe('logging', () => {
  it('keeps a plain client request id and replaces anything that could inject into logs', () => {
    expect(requestIdFromHeader('abc-123_x.y')).toBe('abc-123_x.y');
    expect(requestIdFromHeader('evil\n{"level":60}')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFromHeader(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFromHeader('x'.repeat(500))).toHaveLength(36);
  });

  it('carries the request id through async work', async () => {
    const seen = await runWithRequestId('req-9', async () => {
      await new Promise((r) => setTimeout(r, 5));
      return currentRequestId();
    });
    expect(seen).toBe('req-9');
    expect(currentRequestId()).toBeUndefined();
  });

  it('censors credentials and personal fields wherever they appear', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _e, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ service: 't', destination });
    logger.info({
      user: { password: 'hunter2' },
      participant: { ssn: '123-45-6789' },
      req: { headers: { authorization: 'Bearer abc' } },
    });
    logger.info({ request: { body: { lastName: 'Odhiambo' } } }, 'with a body');
    expect(lines.join('')).not.toMatch(/hunter2|123-45-6789|Bearer abc|Odhiambo/);
    expect(lines.join('')).toContain('[redacted]');
  });
});
