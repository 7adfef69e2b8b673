import { isIP } from 'node:net';
import type { Request } from 'express';

/** The header the gateway always overwrites with the client address it decided on. */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';

/**
 * The address a login comes from. Behind the gateway (configured to trust it) that is the
 * gateway's header; otherwise the connection's peer, since any other header is the client's to
 * invent. Never X-Forwarded-For: who may append to it is the gateway's decision, not ours.
 */
export function clientAddress(req: Request, trustHeader: boolean): string {
  const header = req.headers[CLIENT_ADDRESS_HEADER];
  if (trustHeader && typeof header === 'string' && isIP(header.trim())) return header.trim();
  return req.socket.remoteAddress ?? '0.0.0.0';
}
