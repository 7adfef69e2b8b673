import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publicJwk, signAccessToken, type Actor, type SigningKey } from '@hearth/auth';
import { testActor, testTokenSettings } from '@hearth/testkit';

export type Answer = 'keys' | 'status_503' | 'not_json' | 'dropped_connection';

/** A real JWKS endpoint on 127.0.0.1 that counts the fetches it receives. */
export async function jwksEndpoint(published: SigningKey[]) {
  let keys = published;
  let answer: Answer = 'keys';
  let fetches = 0;
  const server = createServer((req, res) => {
    fetches += 1;
    if (answer === 'dropped_connection') return void req.socket.destroy();
    if (answer === 'status_503') return void res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      answer === 'not_json'
        ? '<html>maintenance</html>'
        : JSON.stringify({ keys: keys.map(publicJwk) }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    jwksUri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    fetches: () => fetches,
    publish: (next: SigningKey[]) => void (keys = next),
    answer: (next: Answer) => void (answer = next),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export function signingKey(kid: string = randomUUID()): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

export function tokenSignedWith(key: SigningKey, actor: Actor = testActor(), ttlSeconds = 900) {
  return signAccessToken(key, { ...testTokenSettings, ttlSeconds }, actor);
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.now()) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}
