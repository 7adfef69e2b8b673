-- The provider directory: which referral services each organization (identity's, kept by
-- libs/directory) offers, and whom to contact for each. Its supervisors keep the list.
CREATE TABLE provider_offers (
  org_id uuid NOT NULL,
  referral_service text NOT NULL,
  contact_name text NOT NULL,
  contact_phone text,
  contact_email text,
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL,
  PRIMARY KEY (org_id, referral_service)
);
CREATE INDEX provider_offers_by_service ON provider_offers (referral_service, org_id);
