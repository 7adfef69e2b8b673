import type { KeySource } from '@hearth/auth';
import type { Upstream } from './breaker';

type Check = () => Promise<unknown>;

/**
 * The /readyz checks. The gateway is ready once it can verify tokens: with a JWKS, once identity's
 * keys could be fetched one time. After that nothing makes it unready. Every replica shares the
 * same upstreams, so failing readiness on one of them (or on identity, whose keys stay cached)
 * would take all replicas out of the load balancer at once: one service's outage would become a
 * total one, and clients would get the ingress's bare 502 instead of our problem+json 503. The
 * breaker state of each upstream is reported as a detail instead.
 */
export function readinessChecks(upstreams: Iterable<Upstream>, keys: KeySource) {
  const checks: Record<string, Check> = {};
  if ('jwksUri' in keys) checks.jwks = fetchedOnce(keys.jwksUri);
  for (const upstream of upstreams)
    checks[`upstream_${upstream.name}`] = async () => `breaker ${upstream.state}`;
  return checks;
}

function fetchedOnce(jwksUri: string): Check {
  let fetched = false;
  return async () => {
    if (fetched) return 'signing keys fetched';
    const count = await fetch(jwksUri, { signal: AbortSignal.timeout(1500) })
      .then(async (res) => (res.ok ? ((await res.json()) as { keys?: unknown[] }).keys?.length : 0))
      .catch(() => 0);
    if (!count) throw new Error(`no signing keys from ${jwksUri} yet`);
    fetched = true;
    return 'signing keys fetched';
  };
}
