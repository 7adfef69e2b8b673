import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { orgUserOf } from '@hearth/directory';
import { requireCurrentVersion, unprocessable } from '@hearth/http';
import type { EnrollmentDeps } from '../deps';
import { findEnrollment, updateEnrollment, type EnrollmentRecord } from '../store/enrollments';
import { announceUpdated } from './change-status';

export interface HubChanges {
  version: number;
  customerOfUserId?: string;
  servicePointId?: string | null;
}

/**
 * The hub's part of a Rent Assistance record: "customer of" moves to the hub staff member it
 * assigns (an active hub_staff of the hub, as identity announced them), and the Service Point ID.
 */
export function changeHubFields(
  deps: Pick<EnrollmentDeps, 'pool'>,
  actor: Actor,
  enrollmentId: string,
  changes: HubChanges,
): Promise<EnrollmentRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const current = (await findEnrollment(tx, enrollmentId, { lock: true }))!;
    requireCurrentVersion('enrollment', current.version, changes.version);
    if (changes.customerOfUserId !== undefined) {
      const staff = await orgUserOf(tx, actor.orgId, changes.customerOfUserId);
      if (!staff?.active || !staff.roles.includes('hub_staff'))
        throw unprocessable('Assign the record to a hub staff member of your organization.', [
          { field: 'customerOfUserId', message: 'Not an active hub staff member of the hub' },
        ]);
    }
    const changed = await updateEnrollment(tx, current.id, {
      customerOfUserId: changes.customerOfUserId,
      servicePointId: changes.servicePointId,
    });
    await announceUpdated(tx, changed, authorOf(actor));
    return changed;
  });
}
