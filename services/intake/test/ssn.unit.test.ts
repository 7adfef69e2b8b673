import { randomBytes } from 'node:crypto';
import { parseSsn, ssnAnswer } from '../src/domain/ssn';
import { SsnCipher } from '../src/adapters/ssn-cipher';

const key = () => randomBytes(32).toString('base64');

describe('SSN', () => {
  it.each(['123-45-6789', '123 45 6789', '123456789'])('accepts %s', (input) => {
    expect(parseSsn(input)).toEqual({ digits: '123456789' });
  });
  it.each([
    '12-345-678',
    '1234567890',
    '000-12-3456',
    '666-12-3456',
    '912-34-5678',
    '123-00-4567',
    '123-45-0000',
    'abc-de-fghi',
  ])('refuses %s', (input) => {
    expect(parseSsn(input)).toHaveProperty('problem');
  });
  it('answers only the last 4 or refused', () => {
    expect(ssnAnswer('6789', false)).toBe('6789');
    expect(ssnAnswer(null, true)).toBe('refused');
  });

  it('encrypts with the active key and a fresh IV each time, never in the clear', () => {
    const cipher = new SsnCipher(`k1:${key()}`, 'k1');
    const stored = cipher.encrypt('123456789');
    expect(stored.ciphertext).not.toContain('123456789');
    expect(stored.keyId).toBe('k1');
    expect(cipher.encrypt('123456789').ciphertext).not.toBe(stored.ciphertext);
  });

  it('after a rotation, decrypts what the retired key encrypted and encrypts with the new one', () => {
    const [k1, k2] = [key(), key()];
    const stored = new SsnCipher(`k1:${k1}`, 'k1').encrypt('123456789');
    const after = new SsnCipher(`k1:${k1},k2:${k2}`, 'k2');
    expect(after.decrypt(stored.ciphertext, stored.keyId)).toBe('123456789');
    expect(after.encrypt('987654321').keyId).toBe('k2');
  });

  it('refuses to decrypt a ciphertext that was tampered with', () => {
    const cipher = new SsnCipher(`k1:${key()}`, 'k1');
    const tampered = Buffer.from(cipher.encrypt('123456789').ciphertext, 'base64');
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.decrypt(tampered.toString('base64'), 'k1')).toThrow();
  });

  it('refuses a malformed key ring at start', () => {
    expect(() => new SsnCipher('k1:short', 'k1')).toThrow(/32 bytes/);
    expect(() => new SsnCipher(`k1:${key()}`, 'k9')).toThrow(/not among/);
  });
});
