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
};
const facts = (more: Partial<WorkforcePaymentFacts> = {}): WorkforcePaymentFacts => ({
  actor: testActor({ orgId: hubOrgId, roles: ['hub_staff'] }),
  record,
  today: '2026-09-10',
  trainingService: undefined,
  plannedCents: undefined,
  committedCents: 0,
  ...more,
});
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
  expect(problemOf(facts({ plannedCents: 20_000, committedCents: 15_000 }))).toBeUndefined();
  expect(
    problemOf(facts({ plannedCents: 20_000, committedCents: 15_000 }), {
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
  const committed = new Map([['training_education', { pendingCents: 30_000, paidCents: 45_000 }]]);
  expect(
    planView(
      [
        { category: 'training_education', plannedCents: 100_000 },
        { category: 'support_service', plannedCents: 8_000 },
      ],
      committed,
    ),
  ).toEqual([
    {
      category: 'training_education',
      plannedCents: 100_000,
      pendingCents: 30_000,
      paidCents: 45_000,
      remainingCents: 25_000,
    },
    {
      category: 'support_service',
      plannedCents: 8_000,
      pendingCents: 0,
      paidCents: 0,
      remainingCents: 8_000,
    },
  ]);
  expect(
    planProblems({ lines: [{ category: 'training_education', plannedCents: 75_000 }] }, committed),
  ).toEqual([]);
  expect(
    planProblems({ lines: [{ category: 'training_education', plannedCents: 74_999 }] }, committed),
  ).toEqual([
    { field: 'lines.0.plannedCents', message: 'Below the 75000 cents its payments took already' },
  ]);
});
