import { brokerIsolation } from '../src/isolation';

describe('brokerIsolation', () => {
  it('gives every call an exchange and a queue prefix no other call has', () => {
    const first = brokerIsolation('intake');
    const second = brokerIsolation('intake');
    expect(first.exchange).not.toBe(second.exchange);
    expect(first.queuePrefix).not.toBe(second.queuePrefix);
  });

  it('names the exchange after the label, so a stray one on the broker says whose it is', () => {
    expect(brokerIsolation('enrollment').exchange).toMatch(/^test\.enrollment\.[0-9a-f]{8}$/);
  });
});
