import type { Express } from 'express';
import type { SigningKeys } from '../adapters/signing-keys';

/**
 * The public keys every service verifies tokens with. Outside /api/v1 and unauthenticated, at the
 * path JWKS clients expect. Cached briefly: a rotated-in key must reach verifiers well before
 * tokens signed with it are common.
 */
export function jwksRoute(app: Express, keys: SigningKeys) {
  const body = { keys: keys.jwks };
  app.get('/.well-known/jwks.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(body);
  });
}
