-- Where a database lives when it does not live in this schema: a module's database has its
-- own schema (`location` = its name), created on first use. No row: here. A row with no
-- location: a module database that already held data here before modules had their own
-- schemas; it stays here.
CREATE TABLE orbit_databases (
    db TEXT PRIMARY KEY,
    location TEXT,
    created_at BIGINT NOT NULL
);
