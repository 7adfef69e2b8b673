import type { Actor } from '@hearth/auth';
import type { ReadDeps } from '../deps';
import { selectParticipants, type SearchCriteria } from '../store/search';

/** Participants matching the criteria that the actor may see, a page at a time. */
export const searchParticipants = (
  { pool, clock }: ReadDeps,
  actor: Actor,
  criteria: SearchCriteria,
  limit: number,
  cursor?: string,
) => selectParticipants(pool, actor, clock(), criteria, limit, cursor);
