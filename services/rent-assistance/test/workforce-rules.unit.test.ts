import { randomUUID } from 'node:crypto';
import { testActor } from '@hearth/testkit';
import { checkWorkforcePayment, type WorkforcePaymentFacts } from '../src/domain/workforce-payment';
import { planProblems, planView } from '../src/domain/workforce-plan';

const hubOrgId = randomUUID();
const record = {
  enrollmentId: randomUUID(),
  orgId: randomUUID(),
  hubOrgId,
  participantId: randomUUID(),
  exitDate: null,
  planVersion: 0,
};
const facts = (more: Partial<WorkforcePaymentFacts> = {}): WorkforcePaymentFacts => ({
  actor: testActor({ orgId: hubOrgId, roles: ['hub_staff'] }),
  record,
  today: '2026-09-10',
  trainingService: undefined,
  plan: [],
  committed: [],
  ...more,
});
// 20,000 planned for support, 15,000 taken by transportation
const planned20k = {
  plan: [{ category: 'support_service' as const, paymentType: null, plannedCents: 20_000 }],
  committed: [
    {
      category: 'support_service',
      paymentType: 'transportation',
      pendingCents: 15_000,
      paidCents: 0,
    },
  ],
};
const support = {
  category: 'support_service' as const,
  enrollmentId: record.enrollmentId,
  paymentDate: '2026-09-10',
  paidTo: 'participant' as const,
  payee: 'A. Participant',
  amountCents: 5_000,
  supportType: 'transportation' as const,
  otherResourcesUnavailable: true,
  timeframeStart: '2026-09-10',
  timeframeEnd: '2026-09-10',
  justification: null,
  fiscalReference: null,
};
const problemOf = (f: WorkforcePaymentFacts, e = support) => {
  try {
    checkWorkforcePayment(f, e);
    return undefined;
  } catch (problem) {
    return problem as { status: number; errors?: Array<{ field: string; message: string }> };
  }
};

test('a one-day timeframe is a one-time payment; a payment of exactly what remains of the plan fits', () => {
  expect(problemOf(facts())).toBeUndefined();
  // 20,000 planned − 15,000 taken = 5,000: the 5,000 payment fits to the cent, 5,001 does not
  expect(problemOf(facts(planned20k))).toBeUndefined();
  expect(
    problemOf(facts(planned20k), {
      ...support,
      amountCents: 5_001,
    })?.errors,
  ).toEqual([
    {
      field: 'amountCents',
      message: "Over the payment plan's support_service amount: 5000 cents remain of 20000",
    },
  ]);
});

test("only the provider's hub staff enter a payment: a caseworker or another organization is 403", () => {
  expect(
    problemOf(facts({ actor: testActor({ orgId: hubOrgId, roles: ['caseworker'] }) }))?.status,
  ).toBe(403);
  expect(problemOf(facts({ actor: testActor({ roles: ['hub_staff'] }) }))?.status).toBe(403);
});

test('the plan shows planned, pending, paid and remaining; it never goes below what was taken', () => {
  const committed = [
    {
      category: 'training_education',
      paymentType: 'tuition_fees_books_supplies',
      pendingCents: 30_000,
      paidCents: 40_000,
    },
    { category: 'training_education', paymentType: 'other', pendingCents: 0, paidCents: 5_000 },
  ];
  expect(
    planView(
      [
        { category: 'training_education', paymentType: null, plannedCents: 100_000 },
        { category: 'training_education', paymentType: 'other', plannedCents: 6_000 },
        { category: 'support_service', paymentType: null, plannedCents: 8_000 },
      ],
      committed,
    ),
  ).toEqual([
    // 100,000 − (30,000 + 40,000 + 5,000) = 25,000
    {
      category: 'training_education',
      paymentType: null,
      plannedCents: 100_000,
      pendingCents: 30_000,
      paidCents: 45_000,
      remainingCents: 25_000,
    },
    {
      category: 'training_education',
      paymentType: 'other',
      plannedCents: 6_000,
      pendingCents: 0,
      paidCents: 5_000,
      remainingCents: 1_000,
    },
    {
      category: 'support_service',
      paymentType: null,
      plannedCents: 8_000,
      pendingCents: 0,
      paidCents: 0,
      remainingCents: 8_000,
    },
  ]);
  const line = (plannedCents: number) => ({
    lines: [{ category: 'training_education' as const, paymentType: null, plannedCents }],
  });
  expect(planProblems(line(75_000), committed)).toEqual([]);
  expect(planProblems(line(74_999), committed)).toEqual([
    { field: 'lines.0.plannedCents', message: 'Below the 75000 cents its payments took already' },
  ]);
});
