import {
  catalogServes,
  hubOf,
  recordingProblems,
  recordsOn,
} from '../src/domain/rent-assistance-record';

const coach = 'coach-org';
const hub = 'hub-org';
const record = { orgId: coach, programKind: 'rent_assistance', serviceProviderOrgId: hub };
const types = {
  rapidRehousing: { startsParticipation: true, updatesLastQualifyingDate: false },
  finalRentExit: { startsParticipation: true, updatesLastQualifyingDate: true },
  careerCoaching: { startsParticipation: false, updatesLastQualifyingDate: true },
};
const fields = (orgId: string, type: keyof typeof types) =>
  recordingProblems(orgId, record, types[type]).map((p) => p.field);

describe('who records on a Rent Assistance record', () => {
  it("the coach's organization and the hub do; a third organization does not", () => {
    expect(recordsOn(coach, record)).toBe(true);
    expect(recordsOn(hub, record)).toBe(true);
    expect(recordsOn('third-org', record)).toBe(false);
  });

  it('a provider is a hub only on a Rent Assistance record, and only when it is another organization', () => {
    expect(hubOf({ ...record, programKind: null })).toBeNull();
    expect(hubOf({ ...record, programKind: 'rsi' })).toBeNull();
    expect(hubOf({ ...record, serviceProviderOrgId: null })).toBeNull();
    expect(hubOf({ ...record, serviceProviderOrgId: coach })).toBeNull();
    expect(recordsOn(hub, { ...record, programKind: null })).toBe(false);
  });

  it("the hub's catalog serves the coach on the record; a third organization's does not", () => {
    expect(catalogServes(hub, coach, record)).toBe(true);
    expect(catalogServes(coach, coach, record)).toBe(true);
    expect(catalogServes('third-org', coach, record)).toBe(false);
    expect(catalogServes(hub, coach, { ...record, programKind: null })).toBe(false);
  });

  it('the hub records its three types only; the coach its coaching only', () => {
    expect(fields(hub, 'rapidRehousing')).toEqual([]);
    expect(fields(hub, 'finalRentExit')).toEqual([]);
    expect(fields(hub, 'careerCoaching')).toEqual(['serviceTypeId']);
    expect(fields(coach, 'careerCoaching')).toEqual([]);
    expect(fields(coach, 'rapidRehousing')).toEqual(['serviceTypeId']);
    expect(fields(coach, 'finalRentExit')).toEqual(['serviceTypeId']);
  });

  it('any type on any other enrollment', () => {
    const other = { orgId: coach, programKind: null, serviceProviderOrgId: null };
    expect(recordingProblems(coach, other, types.finalRentExit)).toEqual([]);
  });
});
