-- Case notes on a participant (DOMAIN.md, "Services and case notes"). A note belongs to the
-- organization that wrote it; restriction says who else reads it (org: only that organization,
-- user: only its author, mou: also organizations with an active release). read_only notes are
-- final. Deleting keeps the row (deleted_at) for the audit trail; every read skips it.
CREATE TABLE case_notes (
  id              uuid PRIMARY KEY,
  participant_id  uuid NOT NULL,
  org_id          uuid NOT NULL,
  author_user_id  uuid NOT NULL,
  staff_user_id   uuid NOT NULL,
  note_date       date NOT NULL,
  text            text NOT NULL,
  read_only       boolean NOT NULL DEFAULT false,
  restriction     text NOT NULL DEFAULT 'org',
  version         integer NOT NULL DEFAULT 1,
  deleted_at      timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (restriction IN ('org', 'user', 'mou')),
  -- characters, as the domain counts them; whitespace-only text is no note
  CHECK (char_length(text) BETWEEN 1 AND 20000 AND btrim(text) <> ''),
  CHECK (version >= 1)
);

-- A participant's notes, newest first, as the list and the print read them.
CREATE INDEX case_notes_by_participant
  ON case_notes (participant_id, note_date DESC, id DESC)
  WHERE deleted_at IS NULL;
