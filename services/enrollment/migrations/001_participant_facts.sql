-- Read model: the participant facts enrollment's eligibility rules need, kept from intake's events.
CREATE TABLE participant_facts (
  participant_id       uuid PRIMARY KEY,
  owner_org_id         uuid NOT NULL,
  first_name           text NOT NULL,
  middle_name          text,
  last_name            text NOT NULL,
  birth_date           date NOT NULL,
  sex                  text,
  security_restriction text NOT NULL,
  last_event_at        timestamptz NOT NULL
);
