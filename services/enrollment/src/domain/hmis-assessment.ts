import {
  decideAccess,
  type Action,
  type Actor,
  type Decision,
  type ParticipantSharing,
} from '@hearth/access';
import type { FieldError } from '@hearth/http';
import { ANNUAL_WINDOW_DAYS, anniversaryWindow } from './annual-assessment';
import type { Stage } from './hmis-elements';

export const ASSESSMENT_RESTRICTIONS = ['org', 'mou'] as const;
export type AssessmentRestriction = (typeof ASSESSMENT_RESTRICTIONS)[number];

/** HUD: one project-start and one exit assessment per member per enrollment. */
export const ONCE_PER_MEMBER: readonly Stage[] = ['project_start', 'exit'];

/**
 * An information date lies within the enrollment: never before its entry, never after its exit
 * (a post-exit assessment, by definition, follows the exit), never in the future; a project
 * start's is the entry and an exit's the exit (HUD), an exit recorded later must match it.
 */
export function informationDateProblems(
  enrollment: { applicationDate: string; exitDate: string | null },
  stage: Stage,
  informationDate: string,
  today: string,
): FieldError[] {
  const field = 'informationDate';
  const { applicationDate, exitDate } = enrollment;
  if (informationDate > today)
    return [{ field, message: `Must not be in the future (today is ${today})` }];
  if (stage === 'post_exit') {
    if (!exitDate)
      return [
        {
          field: 'stage',
          message: 'A post-exit assessment follows an exit; the enrollment has none',
        },
      ];
    return informationDate < exitDate
      ? [{ field, message: `A post-exit assessment is dated on or after the exit (${exitDate})` }]
      : [];
  }
  // HUD's letter: the project start's information date is the entry, the exit's is the exit
  if (stage === 'project_start' && informationDate !== applicationDate)
    return [
      { field, message: `A project-start assessment is dated the entry (${applicationDate})` },
    ];
  if (stage === 'exit' && exitDate && informationDate !== exitDate)
    return [{ field, message: `An exit assessment is dated the exit (${exitDate})` }];
  if (informationDate < applicationDate)
    return [{ field, message: `Never before the enrollment's entry (${applicationDate})` }];
  if (exitDate && informationDate > exitDate)
    return [{ field, message: `Never after the enrollment's exit (${exitDate})` }];
  if (stage === 'annual' && !anniversaryWindow(applicationDate, informationDate))
    return [
      {
        field,
        message: `An annual assessment lies within ${ANNUAL_WINDOW_DAYS} days of an anniversary of the entry (${applicationDate})`,
      },
    ];
  return [];
}

/**
 * May the actor read or change this assessment? One decision through libs/access with the
 * assessment as the record: `org` is its organization's, `mou` also an organization the member
 * released their data to; only its organization ever changes it.
 */
export function decideAssessmentAccess(input: {
  actor: Actor;
  participant: ParticipantSharing;
  assessment: { orgId: string; restriction: AssessmentRestriction };
  action: Action;
  now: Date;
}): Decision {
  const { actor, participant, assessment, action, now } = input;
  return decideAccess({
    actor,
    participant,
    action,
    now,
    record: { orgId: assessment.orgId, restriction: assessment.restriction },
  });
}
