-- Who changed or deleted a service, and when: a deleted service stays, marked, for the history.
ALTER TABLE services
  ADD COLUMN updated_at timestamptz,
  ADD COLUMN updated_by uuid,
  ADD COLUMN deleted_by uuid;
