-- A document's metadata and content live in MongoDB (README: "What lives where"); this database
-- keeps the sharing facts and the access-denial audit, so the generated placeholder table goes.
DROP TABLE documents_records;
