import { isoDate, uuid } from '@hearth/http';
import { z } from 'zod';

/** The FSSP scale (WRPD manual, "Goal Scoring"): the index is the score. */
export const SCORE_LABELS = ['in_crisis', 'at_risk', 'moderately_stable', 'thriving'] as const;

export const recordScoreBody = z.strictObject({
  /** The member through whom the goal is scored (any member of a family goal). */
  participantId: uuid(),
  scoreDate: isoDate(),
  score: z.number().int().min(0).max(3),
});
export type RecordScoreBody = z.infer<typeof recordScoreBody>;

export interface DatedScore {
  scoreDate: string;
  score: number;
}

/**
 * A goal's progress: its first and latest scores by date (same-day scores in the order given)
 * and the change between them; null before any score.
 */
export function progressOf(history: readonly DatedScore[]) {
  if (!history.length) return null;
  const first = history[0];
  const latest = history[history.length - 1];
  return { first, latest, change: latest.score - first.score };
}
