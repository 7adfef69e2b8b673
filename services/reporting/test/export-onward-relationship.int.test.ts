import { randomUUID } from 'node:crypto';
import { FamilyChanged } from '@hearth/events';
import { publishAndWait, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { exportedBy, hex } from './export-harness';
import { carriedOnward, imported } from './onward-fixtures';

/**
 * An imported household carried onward (onward-fixtures: C2's row E2 says RelationshipToHoH 2,
 * child, and enrollment recorded it as a member of C1's enrollment): until intake announces the
 * family, E2 is written with the imported row's 2, not 99; the family fact wins once it arrives.
 */
let reportingService: TestService;
beforeAll(async () => {
  reportingService = await startServiceForTest(reporting, reportingEnv);
}, 60_000);
afterAll(() => reportingService?.close());

const range = { startDate: '2025-01-01', endDate: '2025-12-31' };
const relationships = async (importer: ReturnType<typeof testActor>) => {
  const files = await exportedBy(reportingService, importer, range);
  return Object.fromEntries(
    files.records('Enrollment').map((r) => [r.EnrollmentID!, r.RelationshipToHoH]),
  );
};

describe("an imported member's relationship, exported", () => {
  it("writes the imported row's relationship until a family fact is held, then the fact's", async () => {
    const importer = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
    const our = await carriedOnward(
      reportingService,
      importer,
      await imported(reportingService, importer),
    );
    const before = await relationships(importer);
    expect(before.E1).toBe('1'); // the head
    expect(before.E2).toBe('2'); // as imported, not 99
    // Nia joined here: no imported row and no family fact, so not collected
    const nia = Object.keys(before).find(
      (id) => !['E1', 'E2', 'E3', 'E4', hex(our.lenaOwn), hex(our.later)].includes(id),
    )!;
    expect(before[nia]).toBe('99');

    await publishAndWait(reportingService, FamilyChanged, {
      familyId: randomUUID(),
      headParticipantId: our.p1,
      members: [
        { participantId: our.p1, relationship: 'head_of_household', isCurrentFamily: true },
        { participantId: our.p2, relationship: 'spouse', isCurrentFamily: true },
        { participantId: our.nia, relationship: 'child', isCurrentFamily: true },
      ],
      removedParticipantIds: [],
    });
    const after = await relationships(importer);
    // HUD 3.15: spouse 3, child 2; the family fact, not the imported row's 2
    expect(after).toMatchObject({ E1: '1', E2: '3', [nia]: '2' });
  });
});
