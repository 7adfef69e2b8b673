-- A hub's Rent Assistance program is a kind too: its enrollments are the rent-assistance records
-- the rent-assistance service keeps (review, engagement, payments) from enrollment's snapshots.
ALTER TABLE programs DROP CONSTRAINT programs_kind_check;
ALTER TABLE programs ADD CONSTRAINT programs_kind_check
  CHECK (kind IN ('rsi', 'rym', 'rent_assistance'));
