-- 3.08 Disabling condition, from intake's participant events (the answer only: yes, no, unknown,
-- refused). NULL: the event that made the row predates it, or intake holds none (not collected).
ALTER TABLE hmis_clients ADD COLUMN disabling_condition text;
