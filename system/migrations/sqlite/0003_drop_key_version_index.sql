-- Re-encryption after a key rotation pages through the primary key instead: this index put a
-- second random page into every record write (its entries are ordered by key version, then
-- key), doubling the pages a transaction of random writes dirties.
DROP INDEX orbit_records_key_version;
