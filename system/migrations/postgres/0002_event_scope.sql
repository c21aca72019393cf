-- Change events carry the scope they belong to (tenant ids and entity type, never content),
-- so feeds filter and the relay routes without opening a value; outboxes can be pruned.
ALTER TABLE orbit_outbox ADD COLUMN org_id TEXT;
ALTER TABLE orbit_outbox ADD COLUMN project_id TEXT;
ALTER TABLE orbit_outbox ADD COLUMN entity TEXT;
ALTER TABLE orbit_outbox ADD COLUMN federated BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE orbit_outbox_heads ADD COLUMN pruned_through BIGINT NOT NULL DEFAULT 0;
