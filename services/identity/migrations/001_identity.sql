-- Organizations, their users and the roles each user holds in each organization.
CREATE TABLE organizations (
  id         uuid PRIMARY KEY,
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind       text NOT NULL CHECK (kind IN ('refugee_resettlement', 'coordinated_entry',
                                           'rent_assistance_hub', 'workforce', 'other')),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- "Lakeshore" and "lakeshore" are the same agency.
CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name));

CREATE TABLE users (
  id            uuid PRIMARY KEY,
  email         text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) <= 254),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  password_hash text NOT NULL,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- A user may work for several organizations, with different roles in each.
CREATE TABLE memberships (
  user_id    uuid NOT NULL REFERENCES users (id),
  org_id     uuid NOT NULL REFERENCES organizations (id),
  roles      text[] NOT NULL CHECK (
    cardinality(roles) >= 1 AND
    roles <@ ARRAY['caseworker', 'supervisor', 'ce_manager', 'hub_staff', 'contract_manager', 'admin']
  ),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, org_id)
);
CREATE INDEX memberships_org ON memberships (org_id);

-- Failed logins per email over a sliding window, to refuse brute force. Rows older than the window
-- are pruned as new ones arrive, so the table holds at most one window's worth of failures.
CREATE TABLE login_failures (
  id        bigserial PRIMARY KEY,
  email     text NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_email ON login_failures (email, failed_at);
CREATE INDEX login_failures_age ON login_failures (failed_at);
