import { createPrivateKey, createPublicKey, type JsonWebKey } from 'node:crypto';
import { publicJwk, type SigningKey } from '@hearth/auth';

export interface SigningKeys {
  /** The key new tokens are signed with. */
  current: SigningKey;
  /** Every key a token may still carry, by kid (the current one and retired ones during rotation). */
  publicKeys: Record<string, string>;
  /** The same keys as /.well-known/jwks.json publishes them. */
  jwks: JsonWebKey[];
}

/** The private key's public half, and retired public keys kept until their last tokens expire. */
export function signingKeys(
  kid: string,
  privateKeyPem: string,
  previous: Record<string, string> = {},
): SigningKeys {
  const current = { kid, privateKeyPem };
  const publicPem = (pem: string) =>
    createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
  const retired = Object.entries(previous).filter(([id]) => id !== kid);
  const retiredJwks = retired.map(([id, pem]) => ({
    ...createPublicKey(pem).export({ format: 'jwk' }),
    kid: id,
    alg: 'RS256',
    use: 'sig',
  }));
  return {
    current,
    publicKeys: {
      ...Object.fromEntries(retired.map(([id, pem]) => [id, publicPem(pem)])),
      [kid]: publicPem(privateKeyPem),
    },
    jwks: [publicJwk(current), ...retiredJwks],
  };
}

/** For config validation: an RSA private key of at least 2048 bits, or why not. */
export function rsaPrivateKeyProblem(pem: string): string | undefined {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') return 'must be an RSA private key (RS256)';
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) return 'must be at least 2048 bits';
    return undefined;
  } catch {
    return 'is not a PEM private key';
  }
}
