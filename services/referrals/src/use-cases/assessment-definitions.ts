import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { notFound, requireCurrentVersion } from '@hearth/http';
import type { ReferralsDeps } from '../deps';
import type { Question } from '../domain/assessment';
import { insertDefinition, latestDefinition } from '../store/assessments';

type Deps = Pick<ReferralsDeps, 'pool' | 'clock'>;

export function createDefinition(
  deps: Deps,
  actor: Actor,
  body: { name: string; questions: Question[] },
) {
  return insertDefinition(
    deps.pool,
    { id: randomUUID(), version: 1, ...body, createdBy: actor.userId },
    deps.clock(),
  );
}

/**
 * An edit is the next version beside the old one: assessments already recorded keep pointing at
 * the questions they answered. The client sends the version it edited (409 when another came).
 */
export function editDefinition(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { version: number; name: string; questions: Question[] },
) {
  return withTransaction(deps.pool, async (tx) => {
    const current = await latestDefinition(tx, id, { forUpdate: true });
    if (!current) throw notFound('The assessment definition');
    requireCurrentVersion('assessment definition', current.version, body.version);
    return insertDefinition(
      tx,
      {
        id,
        version: current.version + 1,
        name: body.name,
        questions: body.questions,
        createdBy: actor.userId,
      },
      deps.clock(),
    );
  });
}
