import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { applySharingState } from '@hearth/sharing';
import { apiClient, testActor, type TestService } from '@hearth/testkit';

/** The generic vulnerability index and the default queue migration 020 seeds. */
export const SEEDED_INDEX = '00000000-0000-4000-8000-00000000a001';
export const COMMUNITY_QUEUE = '00000000-0000-4000-8000-00000000c001';

/** Points of the seeded index, worked by hand: unsheltered 3, health yes 2, ER 4+ 2, harmed yes 2. */
export const answersFor = (
  sleeping: string,
  health: string,
  emergencyVisits: string,
  safety: string,
) => [
  { questionId: 'sleeping', value: sleeping },
  { questionId: 'health', value: health },
  { questionId: 'emergency_visits', value: emergencyVisits },
  { questionId: 'safety', value: safety },
];

/** A participant of `owner`'s organization whose sharing has arrived here. */
export async function participantOf(
  service: TestService,
  owner: Actor,
  restriction: 'restrict_to_org' | 'share_mou' | 'share_global' = 'restrict_to_org',
  releases: Array<{ toOrgId: string; beginDate: string; endDate: string }> = [],
): Promise<string> {
  const participantId = randomUUID();
  await applySharingState(service.pool, {
    participantId,
    ownerOrgId: owner.orgId,
    securityRestriction: restriction,
    releases: releases.map((r) => ({ releaseId: randomUUID(), revokedAt: null, ...r })),
    sharingVersion: 1,
  });
  return participantId;
}

export const ceManagerOf = (orgId?: string) =>
  testActor({ roles: ['ce_manager'], name: 'CE Manager', ...(orgId ? { orgId } : {}) });

/** Records an assessment of the seeded index; answers its score. */
export async function assess(
  service: TestService,
  actor: Actor,
  participantId: string,
  answers = answersFor('shelter', 'no', 'none', 'no'),
  assessmentDate = '2026-11-01',
): Promise<number> {
  const res = await apiClient(service.url, actor).post('/assessments', {
    participantId,
    definitionId: SEEDED_INDEX,
    assessmentDate,
    answers,
  });
  if (res.status !== 201) throw new Error(`assessment: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.score as number;
}
