-- Chains of links (issue 18): a record may hold several active links, so linking C to B when A–B
-- are linked makes A, B and C one person, and undoing one link splits exactly that link. The rule
-- "two records of one person are not linked again" needs the whole chain, so the link use case
-- holds it under a lock of this table instead of this primary key.
ALTER TABLE linked_records DROP CONSTRAINT linked_records_pkey;
ALTER TABLE linked_records ADD PRIMARY KEY (participant_id, link_id);
