import { isInternal } from '../src/app';

describe('who may read /metrics', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.31.255.1', true],
    ['192.168.0.10', true],
    ['::1', true],
    ['::ffff:10.0.0.5', true],
    ['fd12:3456::1', true],
    ['172.32.0.1', false],
    ['203.0.113.9', false],
    ['::ffff:8.8.8.8', false],
    ['2001:db8::1', false],
    [undefined, false],
  ])('%s: %s', (ip, expected) => {
    expect(isInternal(ip)).toBe(expected);
  });
});
