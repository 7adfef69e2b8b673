import { changeOf, planPage, type Stamped } from '../src/domain/imported-row-changes';

const T1 = '2025-01-01 00:00:00';
const T2 = '2025-02-01 00:00:00';
const live = (id: string, dateUpdated: string) => ({ id, dateUpdated, dateDeleted: null });
const gone = (id: string, dateUpdated: string) => ({ id, dateUpdated, dateDeleted: dateUpdated });
const held = (dateUpdated: string, deleted = false) => ({ dateUpdated, deleted });

test('a live row is new when never held, updates ours only when its DateUpdated is later', () => {
  expect(changeOf(live('A', T1), undefined)).toBe('accepted');
  expect(changeOf(live('A', T2), held(T1))).toBe('updated');
  expect(changeOf(live('A', T1), held(T1))).toBe('alreadyHeld');
  expect(changeOf(live('A', T1), held(T2))).toBe('alreadyHeld');
  // a later version brings a deleted row back
  expect(changeOf(live('A', T2), held(T1, true))).toBe('updated');
});

test('a DateDeleted row deletes ours unless ours is deleted already or newer; never held, it is counted only', () => {
  expect(changeOf(gone('A', T1), undefined)).toBe('deleted');
  expect(changeOf(gone('A', T1), held(T1))).toBe('deleted');
  expect(changeOf(gone('A', T2), held(T1))).toBe('deleted');
  expect(changeOf(gone('A', T1), held(T2))).toBe('alreadyHeld');
  expect(changeOf(gone('A', T2), held(T1, true))).toBe('alreadyHeld');
});

test('a page writes each HUD id once, as its last version, and stores no deleted row it never held', () => {
  const rows: (Stamped & { id: string })[] = [
    live('N', T1),
    live('N', T2), // the same id later in the page: an update of the row just accepted
    live('H', T2),
    live('H', T1), // older than the version before it
    gone('G', T1),
  ];
  const plan = planPage(rows, (r) => r.id, new Map([['H', held(T1)]]));
  expect(plan.counts).toEqual({ accepted: 1, updated: 2, deleted: 1, alreadyHeld: 1 });
  expect(plan.inserts).toEqual([live('N', T2)]);
  expect(plan.updates).toEqual([live('H', T2)]);
});
