-- Orbit encrypted store, PostgreSQL. Keys and names are plaintext; every value is sealed.

-- One row: how the instance key is unsealed (passphrase via Argon2id, or a key file).
CREATE TABLE orbit_instance (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    instance_id TEXT NOT NULL,
    unseal_kind TEXT NOT NULL,          -- 'passphrase' | 'key-file'
    kdf_params TEXT,                    -- Argon2id m=..,t=..,p=.. (passphrase only)
    salt BYTEA,                          -- Argon2id salt (passphrase only)
    wrapped_instance_key BYTEA NOT NULL, -- instance key sealed with the key-encryption key
    instance_key_version BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Data keys (kind 'data', versioned) and blind-index keys (kind 'blind', version 0) of each
-- database, wrapped by the instance key.
CREATE TABLE orbit_keys (
    db TEXT NOT NULL,
    kind TEXT NOT NULL,
    version BIGINT NOT NULL,
    wrapped BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (db, kind, version)
);

CREATE TABLE orbit_records (
    db TEXT NOT NULL,
    keyspace TEXT NOT NULL,
    key BYTEA NOT NULL,
    version BIGINT NOT NULL,
    key_version BIGINT NOT NULL,
    value BYTEA NOT NULL,
    PRIMARY KEY (db, keyspace, key)
);

CREATE INDEX orbit_records_key_version ON orbit_records (db, key_version);

CREATE TABLE orbit_outbox (
    db TEXT NOT NULL,
    seq BIGINT NOT NULL,
    hlc BIGINT NOT NULL,
    keyspace TEXT NOT NULL,
    key BYTEA NOT NULL,
    op BIGINT NOT NULL,
    key_version BIGINT,
    value BYTEA,
    correlation_id TEXT,
    PRIMARY KEY (db, seq)
);

CREATE INDEX orbit_outbox_key_version ON orbit_outbox (db, key_version);

CREATE TABLE orbit_outbox_heads (
    db TEXT PRIMARY KEY,
    seq BIGINT NOT NULL
);
