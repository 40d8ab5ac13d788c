-- The dashboard and cultureOverview read the cells of a few org nodes from many
-- releases (WHERE release_id IN (...) AND node_key IN (...)). The unit_id indexes
-- made PostgreSQL read every cell of each release and filter (bench/README.md:
-- 1,320 rows read to keep 60); with node_key in the index it reads only those.
CREATE INDEX "release_cells_tenant_id_release_id_node_key_idx" ON "release_cells"("tenant_id", "release_id", "node_key");
CREATE INDEX "signal_release_cells_tenant_id_release_id_node_key_idx" ON "signal_release_cells"("tenant_id", "release_id", "node_key");
