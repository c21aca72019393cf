-- Change events carry the scope they belong to (tenant ids and entity type, never content),
-- so feeds filter and the relay routes without opening a value; outboxes can be pruned.
ALTER TABLE orbit_outbox ADD COLUMN org_id TEXT;
ALTER TABLE orbit_outbox ADD COLUMN project_id TEXT;
ALTER TABLE orbit_outbox ADD COLUMN entity TEXT;
ALTER TABLE orbit_outbox ADD COLUMN federated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orbit_outbox_heads ADD COLUMN pruned_through INTEGER NOT NULL DEFAULT 0;
