import { z } from 'zod';
import { releaseCategories, referralOutcomeResults } from '@hearth/events';
import { emailAddress, isoDate, uuid, type FieldError } from '@hearth/http';
import type { ReferralStatus } from './referral-status';

/** A referral service as the directory names it: a short snake_case word (`legal_aid`). */
export const referralService = () =>
  z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,59}$/, 'Use a snake_case name of at most 60 characters')
    .meta({ example: 'housing_navigation' });

const text = (max: number) => z.string().trim().min(1).max(max);
const ids = z.array(uuid()).max(50);

export const newReferralBody = z.strictObject({
  participantId: uuid(),
  referralDate: isoDate().describe("Never in the future on your organization's calendar"),
  referralService: referralService(),
  toOrgId: uuid().describe('The provider: an organization offering referralService'),
  comment: text(2000).optional(),
  needIds: ids
    .default([])
    .describe("Associated needs: your organization's FSSP goals for the participant"),
  barrierIds: ids.default([]).describe('Associated barriers: of those goals (of any, if none)'),
  releasedCategories: z
    .array(z.enum(releaseCategories))
    .max(releaseCategories.length)
    .default([])
    .describe('The data the participant authorized to release to the provider'),
});
export type NewReferralBody = z.infer<typeof newReferralBody>;

/** An edit of the version read: the sender's details, or the receiver's own comment. */
export const referralEditBody = z.strictObject({
  version: z.number().int().positive(),
  referralDate: newReferralBody.shape.referralDate.optional(),
  comment: text(2000).nullable().optional(),
  needIds: ids.optional(),
  barrierIds: ids.optional(),
  releasedCategories: z.array(z.enum(releaseCategories)).max(releaseCategories.length).optional(),
  receiverComment: text(2000).nullable().optional(),
});
export type ReferralEditBody = z.infer<typeof referralEditBody>;

export const outcomeBody = z.strictObject({
  outcomeDate: isoDate(),
  result: z.enum(referralOutcomeResults),
  comment: text(2000).optional(),
});
export type OutcomeBody = z.infer<typeof outcomeBody>;

export const offersBody = z.strictObject({
  offers: z
    .array(
      z.strictObject({
        referralService: referralService(),
        contactName: text(200),
        contactPhone: z
          .string()
          .regex(/^\+?[0-9 ().-]{7,30}$/, 'A phone number')
          .optional(),
        contactEmail: emailAddress().optional(),
      }),
    )
    .max(100),
});
export type OffersBody = z.infer<typeof offersBody>;

/** Two offers of one service would make its contact ambiguous: the later row is at fault. */
export function duplicateOfferProblems(offers: OffersBody['offers']): FieldError[] {
  const seen = new Set<string>();
  return offers.flatMap((o, i) => {
    if (!seen.has(o.referralService)) return (seen.add(o.referralService), []);
    return [{ field: `offers.${i}.referralService`, message: 'Listed twice' }];
  });
}

export const notInFuture = (field: string, date: string, today: string): FieldError[] =>
  date > today ? [{ field, message: `In the future (today is ${today})` }] : [];

/** Which fields each side may edit; the other side's fields are its own to keep. */
const SENDER_FIELDS = ['referralDate', 'comment', 'needIds', 'barrierIds', 'releasedCategories'];
const RECEIVER_FIELDS = ['receiverComment'];

export function editSideProblems(
  edit: ReferralEditBody,
  side: 'sender' | 'receiver',
): FieldError[] {
  const own = side === 'sender' ? SENDER_FIELDS : RECEIVER_FIELDS;
  return Object.entries(edit)
    .filter(([field, value]) => value !== undefined && field !== 'version' && !own.includes(field))
    .map(([field]) => ({
      field,
      message:
        side === 'sender'
          ? 'Only the receiving organization writes this'
          : 'Only the sending organization edits this',
    }));
}

/** Rejected and withdrawn referrals are over: nothing of them changes any more. */
export const isOver = (status: ReferralStatus) => status === 'rejected' || status === 'withdrawn';

/** An outcome is what came of a referral the receiver took on, dated from the referral to today. */
export function outcomeProblems(
  r: { status: ReferralStatus; referralDate: string },
  outcome: OutcomeBody,
  today: string,
): FieldError[] {
  if (r.status !== 'accepted' && r.status !== 'completed')
    return [{ field: 'status', message: `A ${r.status} referral has no outcome` }];
  if (outcome.outcomeDate < r.referralDate)
    return [{ field: 'outcomeDate', message: `Before the referral date ${r.referralDate}` }];
  return notInFuture('outcomeDate', outcome.outcomeDate, today);
}
