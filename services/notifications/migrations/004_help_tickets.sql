-- Help tickets: a user reports an issue from the page (and participant) in focus; the admins of
-- their organization answer and close it. The reporter's contact is theirs, not a client's.
CREATE TABLE help_tickets (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  reporter_user_id uuid NOT NULL,
  summary text NOT NULL,
  description text NOT NULL,
  email text NOT NULL,
  phone text,
  page text,
  participant_id uuid,
  attachment_document_id uuid,
  status text NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
  answer text,
  answered_by uuid,
  answered_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX help_tickets_org ON help_tickets (org_id, created_at DESC, id DESC);

-- The documents an organization holds (documents.document.uploaded / deleted): what an attachment
-- may name. Ids only; the file stays behind the documents service's access decision.
CREATE TABLE known_documents (
  document_id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  participant_id uuid NOT NULL,
  deleted boolean NOT NULL DEFAULT false
);
