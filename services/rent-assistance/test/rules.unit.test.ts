import { budgetTotals } from '../src/domain/budget';
import {
  checkDueDate,
  engagementProblems,
  isEngaged,
  previousMonth,
} from '../src/domain/engagement';
import { outcomeDueOn, percentHoused } from '../src/domain/outcome';
import { canMove } from '../src/domain/payment';
import { dollars } from '../src/domain/payment-export';
import { lastReviewDay, unmetReviewConditions } from '../src/domain/review';
import { serviceKindOf } from '../src/domain/service-kind';

test("December's check is due on January 10 of the next year; January's month before is December", () => {
  expect(checkDueDate(2026, 12)).toBe('2027-01-10');
  expect(checkDueDate(2026, 2)).toBe('2026-03-10');
  expect(previousMonth(2027, 1)).toEqual({ year: 2026, month: 12 });
});

test('a month is engaged with an activity and neither "not engaged" nor a gap in service', () => {
  expect(isEngaged(['weekly_contact', 'employed'])).toBe(true);
  expect(isEngaged(['weekly_contact', 'gap_in_service'])).toBe(false);
  expect(isEngaged(['not_engaged'])).toBe(false);
  expect(isEngaged([])).toBe(false);
});

test('rent for January 2027 asks December 2026; a deposit asks no month; nothing before the first coaching', () => {
  const base = { paymentDate: '2026-12-20', year: 2027, month: 1, firstCoachingDate: '2026-11-01' };
  expect(
    engagementProblems({ ...base, paymentType: 'rent', engagedMonths: new Set(['2026-12']) }),
  ).toEqual([]);
  expect(
    engagementProblems({ ...base, paymentType: 'rent', engagedMonths: new Set(['2027-01']) }),
  ).toEqual([
    { field: 'month', message: 'Rent for 2027-01 needs engagement verified for 2026-12' },
  ]);
  expect(engagementProblems({ ...base, paymentType: 'deposit', engagedMonths: new Set() })).toEqual(
    [],
  );
  expect(
    engagementProblems({
      ...base,
      paymentType: 'deposit',
      firstCoachingDate: '2026-12-21',
      engagedMonths: new Set(),
    }).map((p) => p.field),
  ).toEqual(['paymentDate']);
});

test('the hub reviews through application date + 45 days; 3 months back from May 31 is Feb 28', () => {
  expect(lastReviewDay('2026-01-31')).toBe('2026-03-17');
  const unmet = unmetReviewConditions({
    today: '2026-05-31',
    applicationDate: '2026-05-01',
    careerPlanDate: '2026-02-28',
    budgetSavedOn: '2026-02-27',
    signedApplicationDate: '2026-05-01',
  });
  expect(unmet.map((u) => u.field)).toEqual(['budget']);
});

test("services tell coaching, RRH/HP and the final rent apart by their catalog's flags", () => {
  expect(serviceKindOf({ qualifying: true, startsParticipation: false })).toBe('coaching');
  expect(serviceKindOf({ qualifying: false, startsParticipation: true })).toBe('housing_support');
  expect(serviceKindOf({ qualifying: true, startsParticipation: true })).toBe('final_rent_exit');
  expect(serviceKindOf({ qualifying: false, startsParticipation: false })).toBeNull();
});

test('a payment goes pending → approved → paid, any of them → voided, and never back', () => {
  expect(canMove('pending', 'approved')).toBe(true);
  expect(canMove('pending', 'paid')).toBe(false);
  expect(canMove('approved', 'paid')).toBe(true);
  expect(canMove('paid', 'voided')).toBe(true);
  expect(canMove('voided', 'pending')).toBe(false);
  expect(canMove('paid', 'approved')).toBe(false);
});

test("a budget's totals are sums of its lines in cents", () => {
  expect(
    budgetTotals([
      { kind: 'income', label: 'Wages', amountCents: 199_999 },
      { kind: 'expense', label: 'Rent', amountCents: 150_001 },
    ]),
  ).toEqual({ incomeCents: 199_999, expenseCents: 150_001, balanceCents: 49_998 });
});

test('the export writes cents as dollars with two decimals, exactly', () => {
  expect([5, 100, 12_345, 80_000, 100_000_000].map(dollars)).toEqual([
    '0.05',
    '1.00',
    '123.45',
    '800.00',
    '1000000.00',
  ]);
});

test('retention is due a full 6 or 12 months after assistance ended; percent housed has one decimal', () => {
  expect(outcomeDueOn('2026-03-31', 'at_exit')).toBe('2026-03-31');
  expect(outcomeDueOn('2026-03-31', 'six_month_retention')).toBe('2026-09-30');
  expect(outcomeDueOn('2026-08-31', 'six_month_retention')).toBe('2027-02-28');
  expect(outcomeDueOn('2025-12-31', 'twelve_month_retention')).toBe('2026-12-31');
  expect([
    percentHoused(1, 3),
    percentHoused(2, 3),
    percentHoused(3, 3),
    percentHoused(0, 0),
  ]).toEqual([33.3, 66.7, 100, null]);
});
