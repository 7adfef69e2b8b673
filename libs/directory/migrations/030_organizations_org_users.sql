-- Identity's organizations and their users as it last announced them, one row each at the newest
-- version received (identity draws versions from one sequence: an older event never wins).
CREATE TABLE organizations (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  kind        text NOT NULL,
  time_zone   text NOT NULL,
  version     bigint NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- A user as one organization knows them (a membership); inactive once removed, kept for history.
CREATE TABLE org_users (
  org_id      uuid NOT NULL,
  user_id     uuid NOT NULL,
  name        text NOT NULL,
  roles       text[] NOT NULL,
  active      boolean NOT NULL,
  version     bigint NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id)
);
