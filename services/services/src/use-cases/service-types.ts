import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { conflict, notFound, requireCurrentVersion, unprocessable } from '@hearth/http';
import type { ServicesDeps } from '../deps';
import {
  findServiceType,
  insertServiceType,
  updateServiceType,
  type ServiceType,
  type ServiceTypeFields,
} from '../store/service-types';

const sameName = () =>
  conflict("This program's catalog already has a service type with this name.", [
    { field: 'name', message: 'Already used' },
  ]);

/** A catalog entry for a program of the supervisor's organization; names unique per program. */
export async function createServiceType(
  deps: Pick<ServicesDeps, 'pool'>,
  actor: Actor,
  entry: ServiceTypeFields & { programId: string },
): Promise<ServiceType> {
  const created = await insertServiceType(deps.pool, {
    ...entry,
    id: randomUUID(),
    orgId: actor.orgId,
    createdBy: actor.userId,
  });
  if (!created) throw sameName();
  return created;
}

/** Change the version the supervisor read; another organization's entry is unknown to them. */
export function changeServiceType(
  deps: Pick<ServicesDeps, 'pool'>,
  actor: Actor,
  id: string,
  changes: Partial<ServiceTypeFields> & { version: number },
): Promise<ServiceType> {
  return withTransaction(deps.pool, async (tx) => {
    const current = await findServiceType(tx, id, { lock: true });
    if (!current || current.orgId !== actor.orgId) throw notFound('The service type');
    requireCurrentVersion('service type', current.version, changes.version);
    const { version: _read, ...fields } = changes;
    const next = { ...current, ...fields };
    if (next.requiresProvidedBy && !next.providedByOptions.length)
      throw unprocessable('A required provided-by needs its options.', [
        { field: 'providedByOptions', message: 'Required provided-by needs options' },
      ]);
    const changed = await updateServiceType(tx, id, next);
    if (!changed) throw sameName();
    return changed;
  });
}
