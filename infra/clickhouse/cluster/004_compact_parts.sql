-- The cluster form of infra/clickhouse/migrations/004_compact_parts.sql: inserted mention parts stay
-- compact (one data file per part) up to 64 MiB uncompressed, instead of wide (two files per
-- column) from 10 MB. Apply after 003:
--   clickhouse-client --multiquery --database pulse < infra/clickhouse/cluster/004_compact_parts.sql
ALTER TABLE mentions_local ON CLUSTER '{cluster}' MODIFY SETTING min_bytes_for_wide_part = 67108864;
