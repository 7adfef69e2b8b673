-- The releases of sharing_facts as rows, so the SQL visibility filter of libs/access
-- (visibleToSql) reads them like a releases table. The dates were checked by the event's schema.
CREATE VIEW sharing_fact_releases AS
SELECT sf.participant_id,
       (r->>'toOrgId')::uuid          AS to_org_id,
       (r->>'beginDate')::date        AS begin_date,
       (r->>'endDate')::date          AS end_date,
       (r->>'revokedAt')::timestamptz AS revoked_at
FROM sharing_facts sf, jsonb_array_elements(sf.releases) r;
