import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SsnEntry, SsnFields } from '../domain/record';

/**
 * AES-256-GCM for SSNs at rest. Keys come from config as `id:base64key,...`; new values use the
 * active key, and each stored value keeps its key id so old keys keep decrypting after a rotation.
 */
export class SsnCipher {
  private readonly keys: Map<string, Buffer>;

  constructor(
    keySpec: string,
    private readonly activeKeyId: string,
  ) {
    this.keys = new Map(
      keySpec.split(',').map((entry) => {
        const [id, material] = entry.trim().split(':');
        const key = Buffer.from(material ?? '', 'base64');
        if (!id || key.length !== 32)
          throw new Error(`SSN key "${id}" must be 32 bytes, base64-encoded (id:base64)`);
        return [id, key] as const;
      }),
    );
    if (!this.keys.has(activeKeyId))
      throw new Error(`SSN_ACTIVE_KEY_ID "${activeKeyId}" is not among SSN_KEYS`);
  }

  encrypt(digits: string): { ciphertext: string; keyId: string } {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeKeyId)!, iv);
    const body = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
    return {
      ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
      keyId: this.activeKeyId,
    };
  }

  decrypt(ciphertext: string, keyId: string): string {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`SSN key ${keyId} is no longer configured`);
    const raw = Buffer.from(ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}

/** The SSN as stored: encrypted with its key id, last 4 kept for search; or refused; or nothing. */
export function sealSsn(cipher: SsnCipher, entry: SsnEntry): SsnFields {
  if (entry.refused)
    return { ssnCiphertext: null, ssnKeyId: null, ssnLast4: null, ssnRefused: true };
  if (!entry.digits)
    return { ssnCiphertext: null, ssnKeyId: null, ssnLast4: null, ssnRefused: false };
  const { ciphertext, keyId } = cipher.encrypt(entry.digits);
  return {
    ssnCiphertext: ciphertext,
    ssnKeyId: keyId,
    ssnLast4: entry.digits.slice(5),
    ssnRefused: false,
  };
}
