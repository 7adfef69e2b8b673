-- A Rent Assistance record is an enrollment the career coach's organization makes in a hub's
-- program: the hub is its service provider, "customer of" names the staff member it belongs to
-- (the coach, until the hub assigns its own), and the hub enters its Service Point ID.
ALTER TABLE enrollments
  ADD COLUMN service_provider_org_id uuid,
  ADD COLUMN customer_of_user_id     uuid,
  ADD COLUMN service_point_id        text;
-- The prefill's question: a participant's most recent open enrollment.
CREATE INDEX enrollments_open_head ON enrollments (head_participant_id, application_date DESC)
  WHERE exit_date IS NULL;
