import { canSeeParticipant } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { evaluateEligibility, type Eligibility } from '../domain/eligibility';
import { eligibilityFacts } from '../domain/facts';
import { registrationResults } from '../domain/registration';
import { requiredFieldsOf } from '../domain/rent-assistance';
import type { EnrollmentRecord } from '../store/enrollments';
import { currentMembers, type MemberRecord } from '../store/members';
import { findParticipants } from '../store/participant-facts';
import { findProgram, type Program } from '../store/programs';
import { statusHistory, type StatusEntry } from '../store/statuses';

export interface MemberStandingView extends MemberRecord {
  firstName: string | null;
  lastName: string | null;
  eligibility: Eligibility;
}

/**
 * Each current member's eligibility for the program, judged on the application date from their
 * own facts and the household's registration answers. A member enrollment no longer knows about
 * (never expected) is "unknown", so nothing is waved through.
 */
export async function memberStandings(
  db: Queryable,
  program: Program,
  enrollment: EnrollmentRecord,
): Promise<{
  standings: MemberStandingView[];
  people: Awaited<ReturnType<typeof findParticipants>>;
}> {
  const members = await currentMembers(db, enrollment.id);
  const people = await findParticipants(
    db,
    members.map((m) => m.participantId),
  );
  const standings = members.map((m) => {
    const person = people.get(m.participantId);
    const eligibility: Eligibility = person
      ? evaluateEligibility(
          program.eligibilityCriteria,
          eligibilityFacts(person, enrollment.registration, enrollment.applicationDate),
        )
      : { status: 'unknown', reasons: [] };
    return {
      ...m,
      firstName: person?.firstName ?? null,
      lastName: person?.lastName ?? null,
      eligibility,
    };
  });
  return { standings, people };
}

// One line in place of every reason of the members the actor may not see: registration is still
// blocked, but their ids, names and facts (an age, a status) stay with those allowed to see them.
const HIDDEN_MEMBER_REASON = {
  participantId: null,
  message: 'A member your organization may not see does not meet the criteria',
};

/**
 * The registration results as the actor may see them, with the members they may see. Whether the
 * household is ready to register is judged on everyone.
 */
export async function resultsSeenBy(
  db: Queryable,
  actor: Actor,
  program: Program,
  enrollment: EnrollmentRecord,
  now: Date,
) {
  const { standings, people } = await memberStandings(db, program, enrollment);
  const visible = new Set(
    standings
      .filter((s) => {
        const person = people.get(s.participantId);
        return person && canSeeParticipant(actor, person.sharing, now).allowed;
      })
      .map((s) => s.participantId),
  );
  const results = registrationResults(
    requiredFieldsOf(program),
    enrollment.registration,
    standings,
  );
  const shown = results.ineligibleReasons.filter((r) => visible.has(r.participantId));
  const hidden = shown.length < results.ineligibleReasons.length;
  return {
    members: standings.filter((s) => visible.has(s.participantId)),
    results: {
      ...results,
      ineligibleReasons: [...shown, ...(hidden ? [HIDDEN_MEMBER_REASON] : [])],
    },
  };
}

/**
 * The enrollment as the actor may see it: members hidden from the actor's organization by their
 * own sharing are left out, with their ineligible reasons.
 */
export async function enrollmentView(
  db: Queryable,
  actor: Actor,
  enrollment: EnrollmentRecord,
  now: Date,
) {
  const program = (await findProgram(db, enrollment.programId))!;
  const { members, results } = await resultsSeenBy(db, actor, program, enrollment, now);
  const history: StatusEntry[] = await statusHistory(db, enrollment.id);
  const { exitDate, exitKind, exitReason, housingStatusAtExit, ...rest } = enrollment;
  return {
    ...rest,
    programName: program.name,
    active: exitDate === null,
    exit: exitDate ? { exitDate, kind: exitKind, reason: exitReason, housingStatusAtExit } : null,
    members,
    registrationResults: results,
    statusHistory: history,
  };
}
