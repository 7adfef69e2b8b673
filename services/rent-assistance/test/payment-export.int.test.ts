import { applySharingState } from '@hearth/sharing';
import { apiClient, mintToken, startServiceForTest, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, acceptedReferral, newKey, planOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

type Actor = Parameters<typeof mintToken>[0];
const csv = async (actor: Actor, query: string) => {
  const res = await fetch(`${service.url}/api/v1/payments/export.csv?${query}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

const HEADER =
  'payment_date,payee,paid_to,payment_type,funding_source,month_covered,amount,participant_reference_id,status,payment_id,category,training_service_id,fiscal_reference\r\n';

/** A hub with two records and a hand-made ledger, and another hub's payment in the same days. */
async function ledger() {
  const a = await acceptedReferral(service);
  const b = await acceptedReferral(service, { hubOrgId: a.hubOrgId });
  const other = await acceptedReferral(service);
  const planA = await planOf(service, a, { approvedPaymentTypes: ['deposit', 'arrears'] });
  const planB = await planOf(service, b, { approvedPaymentTypes: ['utilities'] });
  const planHp = await planOf(service, b, {
    fundingSource: 'county-hp',
    approvedPaymentTypes: ['deposit'],
  });
  const planOther = await planOf(service, other);
  const pay = async (r: typeof a, planId: string, p: Record<string, unknown>) => {
    const answer = await apiClient(service.url, r.hub).post(
      '/payments',
      {
        enrollmentId: r.enrollmentId,
        planId,
        paidTo: 'landlord',
        housingType: 'rapid_rehousing',
        raEligible: true,
        ...p,
      },
      newKey(),
    );
    expect(answer.status).toBe(201);
    return answer.body as { id: string; version: number };
  };
  const deposit = await pay(a, planA.id, {
    paymentDate: '2026-09-10',
    paymentType: 'deposit',
    payee: 'Lakeview Apartments',
    year: 2026,
    month: 9,
    amountCents: 80_000,
  });
  const arrears = await pay(a, planA.id, {
    paymentDate: '2026-09-02',
    paymentType: 'arrears',
    payee: '=HYPERLINK("http://evil.example","pay")',
    year: 2026,
    month: 8,
    amountCents: 12_345,
  });
  const utilities = await pay(b, planB.id, {
    paymentDate: '2026-08-15',
    paymentType: 'utilities',
    paidTo: 'utility',
    payee: 'Power, Light & Co',
    year: 2026,
    month: 7,
    amountCents: 5,
  });
  const hp = await pay(b, planHp.id, {
    paymentDate: '2026-09-05',
    paymentType: 'deposit',
    payee: '-Minus Rentals',
    year: 2026,
    month: 9,
    amountCents: 100,
  });
  // outside the range, and another hub's
  await pay(a, planA.id, {
    paymentDate: '2026-06-30',
    paymentType: 'arrears',
    payee: 'Lakeview Apartments',
    year: 2026,
    month: 6,
    amountCents: 1_000,
  });
  await pay(other, planOther.id, {
    paymentDate: '2026-09-01',
    paymentType: 'deposit',
    payee: 'Elsewhere',
    year: 2026,
    month: 9,
    amountCents: 2_000,
  });
  const hub = apiClient(service.url, a.hub);
  expect(
    (
      await apiClient(service.url, a.approver).post(
        `/payments/${deposit.id}/approval`,
        { version: deposit.version },
        newKey(),
      )
    ).status,
  ).toBe(200);
  expect(
    (
      await hub.post(
        `/payments/${utilities.id}/void`,
        { version: utilities.version, reason: 'Wrong account' },
        newKey(),
      )
    ).status,
  ).toBe(200);
  return {
    a,
    b,
    ids: { deposit: deposit.id, arrears: arrears.id, utilities: utilities.id, hp: hp.id },
  };
}

test("the hub's export: its payments of the range by date, amounts in dollars, cells escaped, formulas defused", async () => {
  const { a, b, ids } = await ledger();
  const answer = await csv(a.hub, 'from=2026-07-01&to=2026-09-10');
  expect(answer.status).toBe(200);
  expect(answer.type).toBe('text/csv; charset=utf-8');
  expect(answer.text).toBe(
    HEADER +
      `2026-08-15,"Power, Light & Co",utility,utilities,metro-ra,2026-07,0.05,${b.participantId},voided,${ids.utilities},rent_assistance,,\r\n` +
      `2026-09-02,"'=HYPERLINK(""http://evil.example"",""pay"")",landlord,arrears,metro-ra,2026-08,123.45,${a.participantId},pending,${ids.arrears},rent_assistance,,\r\n` +
      `2026-09-05,'-Minus Rentals,landlord,deposit,county-hp,2026-09,1.00,${b.participantId},pending,${ids.hp},rent_assistance,,\r\n` +
      `2026-09-10,Lakeview Apartments,landlord,deposit,metro-ra,2026-09,800.00,${a.participantId},approved,${ids.deposit},rent_assistance,,\r\n`,
  );
  const hp = await csv(a.hub, 'from=2026-07-01&to=2026-09-10&fundingSource=county-hp');
  expect(hp.text).toBe(
    HEADER +
      `2026-09-05,'-Minus Rentals,landlord,deposit,county-hp,2026-09,1.00,${b.participantId},pending,${ids.hp},rent_assistance,,\r\n`,
  );
  // one day: both ends inclusive
  expect((await csv(a.hub, 'from=2026-09-10&to=2026-09-10')).text).toBe(
    HEADER +
      `2026-09-10,Lakeview Apartments,landlord,deposit,metro-ra,2026-09,800.00,${a.participantId},approved,${ids.deposit},rent_assistance,,\r\n`,
  );

  // an ended release takes B's payments out; a record restricted to the coach's agency, A's
  await applySharingState(service.pool, {
    participantId: b.participantId,
    ownerOrgId: b.coachOrgId,
    securityRestriction: 'share_mou',
    releases: [
      {
        releaseId: crypto.randomUUID(),
        toOrgId: b.hubOrgId,
        beginDate: '2026-01-01',
        endDate: '2026-09-01',
        revokedAt: null,
      },
    ],
    sharingVersion: 2,
  });
  await applySharingState(service.pool, {
    participantId: a.participantId,
    ownerOrgId: a.coachOrgId,
    securityRestriction: 'restrict_to_org',
    releases: [],
    sharingVersion: 2,
  });
  expect((await csv(a.hub, 'from=2026-07-01&to=2026-09-10')).text).toBe(HEADER);
});

test('only hub staff export, and a bad range or an unknown parameter is a 400 naming it', async () => {
  const a = await acceptedReferral(service);
  const coach = await csv(a.coach, 'from=2026-07-01&to=2026-09-10');
  expect(coach.status).toBe(403);
  const fields = async (query: string) => {
    const answer = await csv(a.hub, query);
    expect(answer.status).toBe(400);
    return (JSON.parse(answer.text) as { errors: Array<{ field: string }> }).errors.map(
      (e) => e.field,
    );
  };
  expect(await fields('from=2026-09-10&to=2026-09-01')).toEqual(['query.to']);
  expect(await fields('from=2026-02-30&to=2026-09-01')).toEqual(['query.from']);
  expect(await fields('to=2026-09-01')).toEqual(['query.from']);
  expect(await fields('from=2026-09-01&to=2026-09-02&fundingSource=%3DX')).toEqual([
    'query.fundingSource',
  ]);
  expect(await fields('from=2026-09-01&to=2026-09-02&limit=5')).toEqual(['query.limit']);
});

test('an export longer than a page comes whole, in (date, id) order, each payment once', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r, { approvedPaymentTypes: ['arrears'] });
  // 1,001 arrears of as many months (2000-01 …): a page of 1,000 and one more
  const payments = Array.from({ length: 1001 }, (_, i) => ({
    rowKey: crypto.randomUUID(),
    enrollmentId: r.enrollmentId,
    planId: plan.id,
    paymentDate: i % 2 ? '2026-09-09' : '2026-09-10',
    paymentType: 'arrears',
    paidTo: 'landlord',
    payee: 'Lakeview Apartments',
    year: 2000 + Math.floor(i / 12),
    month: (i % 12) + 1,
    amountCents: 100,
    housingType: 'rapid_rehousing',
    raEligible: true,
  }));
  const batch = await apiClient(service.url, r.hub).post('/payments/batch', { payments }, newKey());
  const entered = (batch.body.results as Array<{ status: number; paymentId: string }>).map(
    (x) => x.paymentId,
  );
  expect(entered.filter(Boolean)).toHaveLength(1001);
  const answer = await csv(r.hub, 'from=2026-09-09&to=2026-09-10');
  const lines = answer.text.split('\r\n').slice(1, -1);
  const keys = lines.map((l) => {
    const cells = l.split(',');
    return `${cells[0]} ${cells[9]}`;
  });
  expect(keys).toHaveLength(1001);
  expect(keys).toEqual([...keys].sort());
  expect(new Set(lines.map((l) => l.split(',')[9]))).toEqual(new Set(entered));
});
