-- The guide's other columns of a Keys to Progress payment: whether a training is paid with a WIOA
-- Individual Training Account, the fiscal reference of either kind, a support payment's
-- justification ("transportation for housing search").
ALTER TABLE payments ADD COLUMN wioa_ita boolean, ADD COLUMN fiscal_reference text,
  ADD COLUMN justification text;
