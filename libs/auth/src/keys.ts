import { createPublicKey, type KeyObject } from 'node:crypto';
import { InvalidToken } from './errors';
import { JwksKeys, type JwksTiming } from './jwks';

/** Where verifying keys come from: identity's JWKS, or fixed public keys (identity itself, tests). */
export type KeySource = ({ jwksUri: string } & JwksTiming) | { publicKeys: Record<string, string> };

/** The verifying keys by kid, parsed once: parsing a PEM or JWK on every request is costly. */
export interface VerifyingKeys {
  /** The key a kid names right now, without fetching anything. */
  current(kid: string): KeyObject | undefined;
  /** The key a kid names; InvalidToken when it names none, KeysUnavailable when no set is known. */
  lookup(kid: string): Promise<KeyObject>;
  close(): void;
}

export function verifyingKeys(source: KeySource, now: () => number): VerifyingKeys {
  return 'publicKeys' in source ? fixedKeys(source.publicKeys) : new JwksKeys(source, now);
}

function fixedKeys(pems: Record<string, string>): VerifyingKeys {
  const keys = new Map(Object.entries(pems).map(([kid, pem]) => [kid, createPublicKey(pem)]));
  return {
    current: (kid) => keys.get(kid),
    lookup: async (kid) => {
      const key = keys.get(kid);
      if (!key) throw new InvalidToken('The token was signed with an unknown key.');
      return key;
    },
    close: () => undefined,
  };
}
