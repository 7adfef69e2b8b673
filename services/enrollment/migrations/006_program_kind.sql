-- The kind of program the guides give rules of their own (rsi: Refugee School Impact, rym:
-- Refugee Youth Mentoring; null for the others). Set when the program is made, never changed, so
-- every enrollment snapshot carries it and services can tell an RSI enrollment.
ALTER TABLE programs ADD COLUMN kind text CHECK (kind IN ('rsi', 'rym'));
