-- Each anniversary's "annual assessment due" is announced once, whichever instance runs the job.
CREATE TABLE hmis_annual_due_announcements (
  enrollment_id     uuid NOT NULL REFERENCES enrollments,
  anniversary_date  date NOT NULL,
  announced_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enrollment_id, anniversary_date)
);
