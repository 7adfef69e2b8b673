-- Programs change (criteria revised, an end date set): a version for optimistic updates, and who
-- changed it last and when.
ALTER TABLE programs
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN updated_by uuid,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
