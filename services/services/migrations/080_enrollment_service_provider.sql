-- A Rent Assistance record is the career coach's organization's enrollment with the hub as its
-- service provider (enrollment's snapshots carry it; older ones leave it out: null, the enrolling
-- organization alone), so the hub's staff may record the hub's service types on it.
ALTER TABLE enrollments ADD COLUMN service_provider_org_id uuid;
