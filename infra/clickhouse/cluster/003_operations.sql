-- Pulse on a ClickHouse cluster: the tables of infra/clickhouse/migrations/003_operations.sql as replicated
-- `*_local` tables on every node plus `Distributed` tables under the original names, so Pulse's
-- inserts and queries work unchanged. Needs the macros {cluster}, {shard} and {replica} in each
-- server's config and ClickHouse Keeper. Apply in order, before the first Pulse service starts:
--   clickhouse-client --multiquery --database pulse < infra/clickhouse/cluster/003_operations.sql
-- Rows are sharded by cityHash64 of their id, so every copy of one mention, signal or dead letter
-- lands on the same shard and Replacing/uniqExact dedup (which is per shard) stays exact.

-- Alert delivery log: a restart never resends what was already delivered.
CREATE TABLE IF NOT EXISTS alert_deliveries_local ON CLUSTER '{cluster}'
(
    key         String,
    signal_id   String,
    revision    UInt32,
    state       LowCardinality(String),
    channel     String,
    mode        LowCardinality(String),
    status      LowCardinality(String),
    attempts    UInt16,
    error       String,
    slack_ts    String,
    channel_id  String,
    at          DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', at)
ORDER BY key;

CREATE TABLE IF NOT EXISTS alert_deliveries ON CLUSTER '{cluster}' AS alert_deliveries_local
ENGINE = Distributed('{cluster}', currentDatabase(), 'alert_deliveries_local', cityHash64(key));

-- Feed actions (acknowledge / assign / resolve / note), append-only audit log.
CREATE TABLE IF NOT EXISTS signal_audit_local ON CLUSTER '{cluster}'
(
    signal_id String,
    action    LowCardinality(String),
    actor     String,
    role      LowCardinality(String),
    revision  UInt32,
    note      String,
    assignee  String,
    at        DateTime64(3, 'UTC')
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
ORDER BY (signal_id, at);

CREATE TABLE IF NOT EXISTS signal_audit ON CLUSTER '{cluster}' AS signal_audit_local
ENGINE = Distributed('{cluster}', currentDatabase(), 'signal_audit_local', cityHash64(signal_id));
