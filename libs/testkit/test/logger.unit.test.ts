import { recordingLogger, testLogger } from '../src/logger';

describe('testLogger', () => {
  const saved = process.env.TEST_LOG_LEVEL;
  afterEach(() => {
    if (saved === undefined) delete process.env.TEST_LOG_LEVEL;
    else process.env.TEST_LOG_LEVEL = saved;
  });

  it('is silent when TEST_LOG_LEVEL is not set', () => {
    delete process.env.TEST_LOG_LEVEL;
    expect(testLogger('intake').level).toBe('silent');
  });

  it('logs at the level TEST_LOG_LEVEL names, to show what a failing test did', () => {
    process.env.TEST_LOG_LEVEL = 'debug';
    expect(testLogger('intake').level).toBe('debug');
  });
});

describe('recordingLogger', () => {
  it('keeps every line logged, as JSON the test can read', () => {
    const { logger, lines } = recordingLogger('gateway');
    logger.warn({ upstream: 'intake' }, 'breaker opened');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({
        service: 'gateway-test',
        upstream: 'intake',
        msg: 'breaker opened',
      }),
    ]);
  });
});
