import { z } from 'zod';

/** Who is acting: from a verified token only, never from a header a client can set. */
export interface Actor {
  userId: string;
  orgId: string;
  roles: string[];
  name: string;
}

/** The claims identity puts into an access token; anything else in a token is ignored. */
export const accessClaims = z.object({
  sub: z.string().uuid(),
  org: z.string().uuid(),
  roles: z.array(z.string()).max(20),
  name: z.string().max(200),
});

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}
