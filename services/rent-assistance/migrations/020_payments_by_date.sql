-- The accounting export reads the ledger by payment date, page after page in (date, id) order.
CREATE INDEX payments_by_date ON payments (payment_date, id);
