import { PERSON_RECORDS } from '../src/domain/hud-person-rows';
import { layoutOf } from '../src/domain/hud-layout';

/**
 * A household member's RelationshipToHoH (3.15) in the Enrollment record: the family fact held
 * wins; without one, a member an import carried onward keeps its imported row's 2..5, and
 * anything else is 99 (not collected).
 */
const AT = layoutOf('Enrollment').at;
const head = 'a0000000-0000-4000-8000-000000000001';
const memberId = 'a0000000-0000-4000-8000-000000000002';
const relationshipOf = (fields: { relationship: string | null; hud: number | null }) =>
  PERSON_RECORDS.Enrollment!(
    {
      enrollment_id: 'b0000000-0000-4000-8000-000000000001',
      participant_id: memberId,
      head_participant_id: head,
      program_id: 'c0000000-0000-4000-8000-000000000001',
      entry_date: '2025-01-15',
      date_created: '2025-01-15 09:00:00',
      last_event_at: '2025-01-15 09:00:00',
      user_id: null,
      relationship: fields.relationship,
      prior_living: null,
      hud_personal_id: fields.hud === null ? null : 'C2',
      hud_enrollment_id: fields.hud === null ? null : 'E2',
      hud_household_id: fields.hud === null ? null : 'HH1',
      hud_project_id: null,
      hud_relationship_to_hoh: fields.hud,
    },
    { hashed: false },
  )![AT.RelationshipToHoH];

describe("an imported member's relationship to the head", () => {
  it("keeps the imported row's 2..5 while no family fact is held", () => {
    expect(relationshipOf({ relationship: null, hud: 2 })).toBe(2);
    expect(relationshipOf({ relationship: null, hud: 3 })).toBe(3);
    expect(relationshipOf({ relationship: null, hud: 5 })).toBe(5);
  });

  it('writes 99 for a member the import did not bring, or whose row named no member relation', () => {
    expect(relationshipOf({ relationship: null, hud: null })).toBe(99);
    // 1: the imported row's head, but our household has another head; 99 said nothing
    expect(relationshipOf({ relationship: null, hud: 1 })).toBe(99);
    expect(relationshipOf({ relationship: null, hud: 99 })).toBe(99);
  });

  it('lets the family fact win over the imported row once it arrives', () => {
    // spouse is HUD's 3 (3.15: spouse or partner), whatever the imported row said
    expect(relationshipOf({ relationship: 'spouse', hud: 2 })).toBe(3);
  });
});
