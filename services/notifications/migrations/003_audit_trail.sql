-- The one audit trail: every read and change of a participant's data that went through the shared
-- participant gate in any service (access.participant.accessed), one row per event, append-only.
CREATE TABLE audit_trail (
  event_id uuid PRIMARY KEY,
  participant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  org_id uuid NOT NULL,
  action text NOT NULL,
  allowed boolean NOT NULL,
  reason text NOT NULL,
  what text NOT NULL,
  request_id text,
  at timestamptz NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX audit_trail_participant ON audit_trail (participant_id, at DESC, event_id DESC);

-- Append-only, held by the database: the service's own role may not change or remove a row (the
-- grants), and a trigger refuses it to anyone, the table's owner included.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_trail FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_trail FROM CURRENT_USER;

CREATE FUNCTION audit_trail_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON audit_trail
  FOR EACH ROW EXECUTE FUNCTION audit_trail_is_append_only();
CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail
  FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_is_append_only();
