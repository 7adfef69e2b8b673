import type { Actor } from '@hearth/auth';
import { withTransaction, type PoolClient } from '@hearth/db';
import { unprocessable, type FieldError } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import type { AssessmentRestriction } from '../domain/hmis-assessment';
import type { ElementsBody } from '../domain/hmis-elements';
import { findEnrollment } from '../store/enrollments';
import { hasAssessmentAt, type AssessmentRecord } from '../store/hmis-assessments';
import {
  alreadyAssessed,
  assessmentProblems,
  insertChecked,
  type AssessmentRequest,
} from './record-hmis-assessment';

export interface ProjectStarts {
  informationDate: string;
  restriction: AssessmentRestriction;
  members: Array<{ participantId: string; elements: ElementsBody }>;
}

/**
 * The household's master assessment at entry (the guide: "when you intake a client you have to
 * do a master assessment"): each member's project-start assessment, all or none, each problem
 * named by its row (`members[1].elements.disabilities`).
 */
export function recordProjectStarts(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollmentId: string,
  batch: ProjectStarts,
): Promise<AssessmentRecord[]> {
  return withTransaction(deps.pool, (tx) =>
    recordProjectStartsIn(tx, deps, actor, enrollmentId, batch),
  );
}

/** The same in the caller's transaction (intake's master assessment, from its event). */
export async function recordProjectStartsIn(
  tx: PoolClient,
  deps: Pick<EnrollmentDeps, 'clock'>,
  actor: Actor,
  enrollmentId: string,
  batch: ProjectStarts,
): Promise<AssessmentRecord[]> {
  const enrollment = (await findEnrollment(tx, enrollmentId, { lock: true }))!;
  const today = dateOf(deps.clock());
  const requests: AssessmentRequest[] = batch.members.map((m) => ({
    ...m,
    stage: 'project_start',
    informationDate: batch.informationDate,
    restriction: batch.restriction,
  }));
  const problems = new Map<string, FieldError>();
  const seen = new Set<string>();
  for (const [i, request] of requests.entries()) {
    const at = `members[${i}]`;
    if (seen.has(request.participantId)) {
      problems.set(`${at}.participantId`, {
        field: `${at}.participantId`,
        message: 'Named twice',
      });
      continue;
    }
    seen.add(request.participantId);
    for (const p of await assessmentProblems(tx, enrollment, request, today)) {
      // the information date is the batch's own: named once, not per row
      const field = p.field === 'informationDate' ? p.field : `${at}.${p.field}`;
      problems.set(`${field}:${p.message}`, { ...p, field });
    }
  }
  if (problems.size)
    throw unprocessable('The project-start assessments cannot be recorded.', [
      ...problems.values(),
    ]);
  const saved: AssessmentRecord[] = [];
  for (const [i, request] of requests.entries()) {
    const duplicate = alreadyAssessed('project_start', `members[${i}].participantId`);
    if (await hasAssessmentAt(tx, enrollmentId, request.participantId, 'project_start'))
      throw duplicate;
    saved.push(await insertChecked(tx, actor, enrollment, request, duplicate));
  }
  return saved;
}
