-- Every identifying, contact, address, demographic and immigration field of DOMAIN.md.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

ALTER TABLE participants
  ADD COLUMN ssn_ciphertext    text,          -- AES-256-GCM, base64(iv | tag | ciphertext)
  ADD COLUMN ssn_key_id        text,          -- which key encrypted it, so keys can rotate
  ADD COLUMN ssn_last4         char(4),
  ADD COLUMN ssn_refused       boolean NOT NULL DEFAULT false,
  ADD COLUMN alien_number      text,          -- normalized digits, no leading A or zeros
  ADD COLUMN email             text,
  ADD COLUMN phones            jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN addresses         jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN secondary_contact jsonb,
  ADD COLUMN race              text[] NOT NULL DEFAULT '{}',
  ADD COLUMN ethnicity         text,
  ADD COLUMN primary_language  text,
  ADD COLUMN immigration       jsonb,
  ADD COLUMN demographics      jsonb,
  ADD COLUMN version           integer NOT NULL DEFAULT 1,
  -- Matching keys, kept by the application on every write (see domain/names.ts).
  ADD COLUMN first_norm        text NOT NULL DEFAULT '',
  ADD COLUMN last_norm         text NOT NULL DEFAULT '',
  ADD COLUMN first_canonical   text NOT NULL DEFAULT '',
  ADD COLUMN name_key          text NOT NULL DEFAULT '',  -- name tokens sorted: swapped names give the same key
  ADD COLUMN first_phonetic    text NOT NULL DEFAULT '',
  ADD COLUMN last_phonetic     text NOT NULL DEFAULT '';

CREATE INDEX participants_name_key_trgm ON participants USING gin (name_key gin_trgm_ops);
CREATE INDEX participants_last_norm_trgm ON participants USING gin (last_norm gin_trgm_ops);
CREATE INDEX participants_phonetic ON participants (last_phonetic, first_phonetic);
CREATE INDEX participants_canonical_phonetic ON participants (first_canonical, last_phonetic);
CREATE INDEX participants_first_phonetic ON participants (first_phonetic);
CREATE INDEX participants_canonical_birth ON participants (first_canonical, birth_date);
CREATE INDEX participants_birth_date ON participants (birth_date);
CREATE INDEX participants_ssn_last4 ON participants (ssn_last4) WHERE ssn_last4 IS NOT NULL;
CREATE INDEX participants_alien_number ON participants (alien_number) WHERE alien_number IS NOT NULL;
CREATE INDEX participants_last_first ON participants (last_norm text_pattern_ops, first_norm text_pattern_ops);

-- Who changed what, when, from which organization: old → new per field.
CREATE TABLE participant_history (
  id             bigserial PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participants (id),
  changed_at     timestamptz NOT NULL DEFAULT now(),
  changed_by     uuid NOT NULL,
  changed_by_org uuid NOT NULL,
  field          text NOT NULL,
  old_value      jsonb,
  new_value      jsonb
);
CREATE INDEX participant_history_participant ON participant_history (participant_id, changed_at);
