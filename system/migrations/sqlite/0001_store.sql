-- Orbit encrypted store, SQLite. Keys and names are plaintext; every value is sealed.

-- One row: how the instance key is unsealed (passphrase via Argon2id, or a key file).
CREATE TABLE orbit_instance (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    instance_id TEXT NOT NULL,
    unseal_kind TEXT NOT NULL,          -- 'passphrase' | 'key-file'
    kdf_params TEXT,                    -- Argon2id m=..,t=..,p=.. (passphrase only)
    salt BLOB,                          -- Argon2id salt (passphrase only)
    wrapped_instance_key BLOB NOT NULL, -- instance key sealed with the key-encryption key
    instance_key_version INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

-- Data keys (kind 'data', versioned) and blind-index keys (kind 'blind', version 0) of each
-- database, wrapped by the instance key.
CREATE TABLE orbit_keys (
    db TEXT NOT NULL,
    kind TEXT NOT NULL,
    version INTEGER NOT NULL,
    wrapped BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (db, kind, version)
) STRICT;

CREATE TABLE orbit_records (
    db TEXT NOT NULL,
    keyspace TEXT NOT NULL,
    key BLOB NOT NULL,
    version INTEGER NOT NULL,
    key_version INTEGER NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (db, keyspace, key)
) STRICT, WITHOUT ROWID;

CREATE INDEX orbit_records_key_version ON orbit_records (db, key_version);

CREATE TABLE orbit_outbox (
    db TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc INTEGER NOT NULL,
    keyspace TEXT NOT NULL,
    key BLOB NOT NULL,
    op INTEGER NOT NULL,
    key_version INTEGER,
    value BLOB,
    correlation_id TEXT,
    PRIMARY KEY (db, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX orbit_outbox_key_version ON orbit_outbox (db, key_version);

CREATE TABLE orbit_outbox_heads (
    db TEXT PRIMARY KEY,
    seq INTEGER NOT NULL
) STRICT;
