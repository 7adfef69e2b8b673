-- Participants and the facts the access rules need (security restriction, information releases).
CREATE TABLE participants (
  id                   uuid PRIMARY KEY,
  owner_org_id         uuid NOT NULL,
  first_name           text NOT NULL,
  middle_name          text,
  last_name            text NOT NULL,
  birth_date           date NOT NULL,
  sex                  text,
  security_restriction text NOT NULL DEFAULT 'restrict_to_org'
    CHECK (security_restriction IN ('restrict_to_org', 'share_mou', 'share_global')),
  created_by           uuid NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX participants_owner ON participants (owner_org_id);

CREATE TABLE information_releases (
  id             uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participants (id),
  to_org_id      uuid NOT NULL,
  begin_date     date NOT NULL,
  end_date       date NOT NULL CHECK (end_date >= begin_date),
  signed_by      text NOT NULL,
  revoked_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX information_releases_participant ON information_releases (participant_id);
