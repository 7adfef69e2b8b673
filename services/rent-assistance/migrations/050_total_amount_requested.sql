-- Enrollment's "total amount requested" of the record (cents): the record's payments, all plans
-- together, never go over it. Null: not given (older snapshots), no cap of the record's own.
ALTER TABLE ra_records ADD COLUMN total_amount_requested_cents bigint
  CHECK (total_amount_requested_cents >= 0);
