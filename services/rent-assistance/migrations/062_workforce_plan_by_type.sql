-- A plan line may plan one payment type of its category (a support plan's transportation) besides
-- the whole category: '' is the whole category, so the key stays a key.
ALTER TABLE workforce_plan_lines ADD COLUMN payment_type text NOT NULL DEFAULT '';
ALTER TABLE workforce_plan_lines DROP CONSTRAINT workforce_plan_lines_pkey;
ALTER TABLE workforce_plan_lines ADD PRIMARY KEY (enrollment_id, category, payment_type);
