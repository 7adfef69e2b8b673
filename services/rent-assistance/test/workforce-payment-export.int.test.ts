import { applySharingState } from '@hearth/sharing';
import { apiClient, mintToken, startServiceForTest, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, acceptedReferral, newKey, planOf } from './fixtures';
import { support, training, workforceRecord, workforceService } from './workforce-fixtures';

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
  expect(res.status).toBe(200);
  return res.text();
};

const HEADER =
  'payment_date,payee,paid_to,payment_type,funding_source,month_covered,amount,participant_reference_id,status,payment_id,category,training_service_id,fiscal_reference\r\n';

const entered = async (actor: Actor, path: string, body: object) => {
  const answer = await apiClient(service.url, actor).post(path, body, newKey());
  expect(answer.status).toBe(201);
  return answer.body as { id: string; version: number };
};

/**
 * One hub's mixed ledger: a rent deposit of a Rent Assistance record, a training and a support
 * payment of a workforce record it is the provider of; another provider's training payment and a
 * workforce payment of a participant whose release to the hub will be taken back, in the same days.
 */
async function mixedLedger() {
  const ra = await acceptedReferral(service);
  const wf = await workforceRecord(service, { hubOrgId: ra.hubOrgId });
  const elsewhere = await workforceRecord(service);
  const withdrawn = await workforceRecord(service, { hubOrgId: ra.hubOrgId });
  const plan = await planOf(service, ra, { approvedPaymentTypes: ['deposit'] });
  const deposit = await entered(ra.hub, '/payments', {
    enrollmentId: ra.enrollmentId,
    planId: plan.id,
    paymentDate: '2026-09-10',
    paymentType: 'deposit',
    paidTo: 'landlord',
    payee: 'Lakeview Apartments',
    year: 2026,
    month: 9,
    amountCents: 80_000,
    housingType: 'rapid_rehousing',
    raEligible: true,
  });
  const trainingServiceId = await workforceService(service, wf);
  const tuition = await entered(
    wf.hub,
    '/payments/training-education',
    training(wf, trainingServiceId, {
      paymentDate: '2026-09-09',
      fiscalReference: 'ITA-7731',
      wioaIta: true,
    }),
  );
  const ride = await entered(
    wf.hub,
    '/payments/support-services',
    support(wf, { paymentDate: '2026-09-08', payee: '+1 Cab Co', amountCents: 4_507 }),
  );
  await entered(
    elsewhere.hub,
    '/payments/training-education',
    training(elsewhere, await workforceService(service, elsewhere), { paymentDate: '2026-09-09' }),
  );
  await entered(
    withdrawn.hub,
    '/payments/support-services',
    support(withdrawn, { paymentDate: '2026-09-09' }),
  );
  const approval = await apiClient(service.url, wf.approver).post(
    `/payments/${tuition.id}/approval`,
    { version: tuition.version },
    newKey(),
  );
  expect(approval.status).toBe(200);
  // the participant's release to the hub is taken back after the payment was entered
  await applySharingState(service.pool, {
    participantId: withdrawn.participantId,
    ownerOrgId: withdrawn.coachOrgId,
    securityRestriction: 'restrict_to_org',
    releases: [],
    sharingVersion: 2,
  });
  return { ra, wf, elsewhere, trainingServiceId, ids: { deposit, tuition, ride } };
}

test("a hub's export holds its Keys to Progress payments with the rent ones, told apart by category", async () => {
  const { ra, wf, trainingServiceId, ids } = await mixedLedger();
  // by date: the ride (09-08), the tuition (09-09), the deposit (09-10); another provider's
  // training and the withdrawn participant's support payment of 09-09 are not the hub's to see
  const rows = {
    ride: `2026-09-08,'+1 Cab Co,participant,transportation,keys-to-progress,,45.07,${wf.participantId},pending,${ids.ride.id},support_service,,\r\n`,
    tuition: `2026-09-09,Madison College,training_provider,tuition_fees_books_supplies,keys-to-progress,,500.00,${wf.participantId},approved,${ids.tuition.id},training_education,${trainingServiceId},ITA-7731\r\n`,
    deposit: `2026-09-10,Lakeview Apartments,landlord,deposit,metro-ra,2026-09,800.00,${ra.participantId},pending,${ids.deposit.id},rent_assistance,,\r\n`,
  };
  expect(await csv(ra.hub, 'from=2026-09-01&to=2026-09-10')).toBe(
    HEADER + rows.ride + rows.tuition + rows.deposit,
  );
  // a Keys to Progress payment's funding source is the Keys to Progress contracts'
  expect(await csv(ra.hub, 'from=2026-09-01&to=2026-09-10&fundingSource=keys-to-progress')).toBe(
    HEADER + rows.ride + rows.tuition,
  );
  expect(await csv(ra.hub, 'from=2026-09-01&to=2026-09-10&fundingSource=metro-ra')).toBe(
    HEADER + rows.deposit,
  );
  expect(await csv(ra.hub, 'from=2026-09-09&to=2026-09-09')).toBe(HEADER + rows.tuition);
});

test("another provider's Keys to Progress payments stay out of a hub's export, and its own are in its", async () => {
  const { ra, elsewhere } = await mixedLedger();
  const own = await csv(elsewhere.hub, 'from=2026-09-01&to=2026-09-10');
  const lines = own.split('\r\n').slice(1, -1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    new RegExp(`^2026-09-09,Madison College,.*,${elsewhere.participantId},pending,`),
  );
  expect(await csv(ra.hub, 'from=2026-09-01&to=2026-09-10')).not.toContain(elsewhere.participantId);
});

test('a Keys to Progress payment leaves the export once the hub may no longer see the participant', async () => {
  const wf = await workforceRecord(service);
  const ride = await entered(wf.hub, '/payments/support-services', support(wf));
  expect(await csv(wf.hub, 'from=2026-09-10&to=2026-09-10')).toContain(ride.id);
  // the release ended: the hub sees the participant no longer, nor their payments
  await applySharingState(service.pool, {
    participantId: wf.participantId,
    ownerOrgId: wf.coachOrgId,
    securityRestriction: 'share_mou',
    releases: [
      {
        releaseId: crypto.randomUUID(),
        toOrgId: wf.hubOrgId,
        beginDate: '2026-01-01',
        endDate: '2026-09-01',
        revokedAt: null,
      },
    ],
    sharingVersion: 2,
  });
  expect(await csv(wf.hub, 'from=2026-09-10&to=2026-09-10')).toBe(HEADER);
});
