import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { CredentialRecorded } from '@hearth/events';
import { unprocessable, type FieldError } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { z } from 'zod';
import type { EnrollmentDeps } from '../deps';
import { announce } from '../events/enrollments';
import type { newCredential } from '../routes/workforce-schemas';
import { insertCredential, type CredentialRecord } from '../store/credentials';
import type { EnrollmentRecord } from '../store/enrollments';
import { relatedServiceErrors } from './record-confirmation';

/** A DOL credential the participant is working toward, earned or did not earn. */
export function recordCredential(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollment: EnrollmentRecord,
  body: z.infer<typeof newCredential>,
): Promise<CredentialRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const today = dateOf(deps.clock());
    const errors: FieldError[] = [
      ...(body.credentialDate > today
        ? [{ field: 'credentialDate', message: `Must not be in the future (today is ${today})` }]
        : []),
      ...(await relatedServiceErrors(tx, body.relatedServiceId, body.participantId)),
    ];
    if (errors.length) throw unprocessable('The credential cannot be recorded.', errors);
    const saved = await insertCredential(tx, {
      id: randomUUID(),
      enrollmentId: enrollment.id,
      orgId: enrollment.orgId,
      ...body,
      recordedBy: { userId: actor.userId, name: actor.name },
    });
    await announce(tx, CredentialRecorded, enrollment, authorOf(actor), {
      credentialId: saved.id,
      enrollmentId: enrollment.id,
      participantId: saved.participantId,
      credentialDate: saved.credentialDate,
      credentialType: saved.credentialType,
      status: saved.status,
      relatedServiceId: saved.relatedServiceId,
    });
    return saved;
  });
}
