-- Where a database lives when it does not live in this file: a module's database has its own
-- file beside this one (`location` = its file name), created on first use. No row: here.
-- A row with no location: a module database that already held data here before modules had
-- their own files; it stays here.
CREATE TABLE orbit_databases (
    db TEXT PRIMARY KEY,
    location TEXT,
    created_at INTEGER NOT NULL
) STRICT;
