import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { GradePromotionRecorded, createEvent, type rsiProviderTypes } from '@hearth/events';
import { conflict, onUniqueViolation, unprocessable, type FieldError } from '@hearth/http';
import type { ServicesDeps } from '../deps';
import { promotionProblems, repeatedStudents } from '../domain/grade-promotion';
import { findEnrollment } from '../store/enrollments';
import { insertGradePromotion, promotedOn, type GradePromotion } from '../store/grade-promotions';

export interface GradePromotionRequest {
  promotionDate: string;
  providerType: (typeof rsiProviderTypes)[number];
  comment?: string;
  students: Array<{ participantId: string; enrollmentId: string }>;
}

const alreadyPromoted = (rows: number[]) =>
  conflict(
    'A student already has a grade promotion on this date.',
    rows.map((i) => ({
      field: `students.${i}.participantId`,
      message: 'Already promoted on this date',
    })),
  );

/**
 * Record one grade promotion per student (the route has passed each through the participant
 * gate), all or none: every row is checked first and every fault named by its row; each
 * promotion and its `services.grade-promotion.recorded` commit together. The enrollments are held
 * (FOR SHARE) so an exit cannot slip in between the check and the write.
 */
export function recordGradePromotions(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  r: GradePromotionRequest,
): Promise<GradePromotion[]> {
  return withTransaction(deps.pool, async (tx) => {
    const now = deps.clock();
    // "today" on the organization's calendar, as for a service date
    if (r.promotionDate > (await organizationToday(tx, actor.orgId, deps.clock)))
      throw unprocessable('A grade promotion cannot be in the future.', [
        { field: 'promotionDate', message: 'Must not be in the future' },
      ]);
    const problems: FieldError[] = repeatedStudents(r.students).map((i) => ({
      field: `students.${i}.participantId`,
      message: 'This student is already listed: one promotion a day',
    }));
    for (const [i, s] of r.students.entries()) {
      const enrollment = await findEnrollment(tx, s.enrollmentId);
      problems.push(
        ...promotionProblems(s, enrollment, r.promotionDate, actor.orgId, `students.${i}`),
      );
    }
    if (problems.length) throw unprocessable('Some students cannot be promoted here.', problems);
    const promoted = await promotedOn(
      tx,
      r.students.map((s) => s.participantId),
      r.promotionDate,
    );
    const again = r.students.flatMap((s, i) => (promoted.has(s.participantId) ? [i] : []));
    if (again.length) throw alreadyPromoted(again);

    const saved: GradePromotion[] = [];
    for (const [i, s] of r.students.entries()) {
      // a request racing this one past the check above meets the unique index
      const promotion = await insertGradePromotion(tx, {
        id: randomUUID(),
        orgId: actor.orgId,
        participantId: s.participantId,
        enrollmentId: s.enrollmentId,
        promotionDate: r.promotionDate,
        providerType: r.providerType,
        comment: r.comment ?? null,
        recordedBy: actor.userId,
        recordedAt: now,
      }).catch(onUniqueViolation(alreadyPromoted([i])));
      await recordEvent(
        tx,
        createEvent(GradePromotionRecorded, {
          orgId: actor.orgId,
          ...authorOf(actor),
          data: {
            gradePromotionId: promotion.id,
            participantId: promotion.participantId,
            enrollmentId: promotion.enrollmentId,
            promotionDate: promotion.promotionDate,
            providerType: r.providerType,
          },
        }),
      );
      saved.push(promotion);
    }
    return saved;
  });
}
