-- Programs made before enrollment.program.created|updated existed were never announced, so
-- reporting's Project.csv names them by their id and dates them by their first entry. Once, here:
-- every program's whole state at its version as enrollment.program.created, through the outbox
-- (the relay publishes it). A consumer keeps a program's state only when its version is newer, so
-- a program announced before gets the same state at the same version again: nothing changes.
-- The event's data as src/events/programs.ts writes it (HUD facts only when held, a continuum
-- project only when it is one), from the
-- system (no user), dated by the program's last change.
INSERT INTO outbox (id, routing_key, envelope)
SELECT p.event_id, 'enrollment.program.created', jsonb_build_object(
    'id', p.event_id,
    'type', 'enrollment.program.created',
    'version', 1,
    'occurredAt', to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'orgId', p.org_id,
    'actor', jsonb_build_object('userId', NULL, 'name', 'Programs announced once (enrollment)'),
    'data', jsonb_build_object(
      'programId', p.id,
      'orgId', p.org_id,
      'name', p.name,
      'fundingSource', p.funding_source,
      'grantNumber', p.grant_number,
      'activeFrom', to_char(p.active_from, 'YYYY-MM-DD'),
      'activeTo', to_char(p.active_to, 'YYYY-MM-DD'),
      'kind', p.kind,
      'version', p.version
    )
    || jsonb_strip_nulls(jsonb_build_object(
      'continuumProject', CASE WHEN p.continuum_project THEN true END,
      'projectType', p.project_type,
      'housingType', p.housing_type,
      'rrhSubType', p.rrh_sub_type,
      'residentialAffiliation', p.residential_affiliation,
      'targetPopulation', p.target_population,
      'hopwaMedAssistedLivingFac', p.hopwa_med_assisted_living_fac,
      'cocCode', p.coc_code
    ))
    || CASE WHEN jsonb_array_length(p.funders) > 0 THEN jsonb_build_object('funders', p.funders)
       ELSE '{}'::jsonb END
  )
-- an event id per program (in the select list: a volatile function runs once per row)
FROM (SELECT gen_random_uuid() AS event_id, * FROM programs) p
ORDER BY p.created_at, p.id;
