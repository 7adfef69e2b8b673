-- A workforce program (I-Trac Keys to Progress) is a kind too: rent-assistance keeps its
-- enrollments from enrollment's snapshots, for their training and support payments.
ALTER TABLE programs DROP CONSTRAINT programs_kind_check;
ALTER TABLE programs ADD CONSTRAINT programs_kind_check
  CHECK (kind IN ('rsi', 'rym', 'rent_assistance', 'workforce'));
