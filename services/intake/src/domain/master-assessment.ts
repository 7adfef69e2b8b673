import type { FieldError } from '@hearth/http';
import { elementProblems, type ElementsBody } from '@hearth/hmis-elements';

/** The assessment step as a draft holds it: any part may still be missing. */
export interface MasterAssessmentDraft {
  enrollmentId?: string;
  restriction?: 'org' | 'mou';
  members: Array<{ participantId: string; elements: ElementsBody }>;
}

/** What finishing needs of it: the enrollment, every member once, HUD's project-start answers. */
export interface MasterAssessment {
  enrollmentId: string;
  restriction: 'org' | 'mou';
  members: Array<{ participantId: string; elements: ElementsBody }>;
}

/**
 * What keeps a saved assessment step from being finished, each problem on its field: the
 * answers are judged whole here (a "yes" without its details, a set HUD does not collect at
 * project start), as enrollment will judge them, so a refusal reaches the worker, not a log.
 */
export function masterAssessmentProblems(step: MasterAssessmentDraft): FieldError[] {
  const problems: FieldError[] = [];
  if (!step.enrollmentId)
    problems.push({ field: 'enrollmentId', message: 'Required: the enrollment assessed' });
  if (step.members.length === 0)
    problems.push({ field: 'members', message: 'Assess at least one member' });
  const seen = new Set<string>();
  for (const [i, member] of step.members.entries()) {
    const at = `members[${i}]`;
    if (seen.has(member.participantId))
      problems.push({ field: `${at}.participantId`, message: 'Named twice' });
    seen.add(member.participantId);
    if (!Object.values(member.elements).some((answers) => answers !== undefined))
      problems.push({ field: `${at}.elements`, message: 'Answer at least one element set' });
    for (const p of elementProblems('project_start', member.elements))
      problems.push({ ...p, field: `${at}.${p.field}` });
  }
  return problems;
}

/** The step, once it has no problems, as finishing announces it (restriction `org` unless said). */
export const completedAssessment = (step: MasterAssessmentDraft): MasterAssessment => ({
  enrollmentId: step.enrollmentId!,
  restriction: step.restriction ?? 'org',
  members: step.members,
});
