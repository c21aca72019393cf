-- Re-encryption after a key rotation pages through the primary key instead: this index cost
-- every record write that moves its row (a non-HOT update, an insert) a second random index
-- page, and kept no query fast that runs more than once per rotation.
DROP INDEX orbit_records_key_version;
