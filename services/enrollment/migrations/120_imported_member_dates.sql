-- An imported household member joins the head's enrollment with its own entry and exit as the
-- sender's Enrollment.csv / Exit.csv give them (an import is history: a member may have joined
-- after the head and left before). Null for a member added here: the enrollment's dates are theirs.
ALTER TABLE enrollment_members
  ADD COLUMN entry_date date,
  ADD COLUMN exit_date date,
  ADD CONSTRAINT enrollment_members_dates CHECK (exit_date IS NULL OR exit_date >= entry_date);
