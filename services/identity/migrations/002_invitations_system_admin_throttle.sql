-- system_admin: the continuum's HMIS lead, who registers organizations (and reads no client data).
ALTER TABLE memberships DROP CONSTRAINT memberships_roles_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_roles_check CHECK (
  cardinality(roles) >= 1 AND
  roles <@ ARRAY['caseworker', 'supervisor', 'ce_manager', 'hub_staff', 'contract_manager', 'admin',
                 'system_admin']
);

-- A user joins another organization only by accepting an invitation. The invitation is addressed
-- to an email, whether or not an account holds it; only the token's SHA-256 is kept.
CREATE TABLE invitations (
  id          uuid PRIMARY KEY,
  org_id      uuid NOT NULL REFERENCES organizations (id),
  email       text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  roles       text[] NOT NULL CHECK (
    cardinality(roles) >= 1 AND
    roles <@ ARRAY['caseworker', 'supervisor', 'ce_manager', 'hub_staff', 'contract_manager', 'admin']
  ),
  token_hash  bytea NOT NULL UNIQUE,
  invited_by  uuid NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at  timestamptz
);
-- One pending invitation per email and organization: inviting again replaces it.
CREATE UNIQUE INDEX invitations_pending ON invitations (org_id, email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX invitations_email ON invitations (email);

-- Failed logins are counted per (email, client address) and per address: a stranger's guesses from
-- elsewhere no longer lock the owner out. Rows from before this column are one window old at most.
DELETE FROM login_failures;
ALTER TABLE login_failures ADD COLUMN address inet NOT NULL;
DROP INDEX login_failures_email;
CREATE INDEX login_failures_email_address ON login_failures (email, address, failed_at);
CREATE INDEX login_failures_address ON login_failures (address, failed_at);
