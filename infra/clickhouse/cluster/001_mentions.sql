-- Pulse on a ClickHouse cluster: the tables of infra/clickhouse/migrations/001_mentions.sql as replicated
-- `*_local` tables on every node plus `Distributed` tables under the original names, so Pulse's
-- inserts and queries work unchanged. Needs the macros {cluster}, {shard} and {replica} in each
-- server's config and ClickHouse Keeper. Apply in order, before the first Pulse service starts:
--   clickhouse-client --multiquery --database pulse < infra/clickhouse/cluster/001_mentions.sql
-- Rows are sharded by cityHash64 of their id, so every copy of one mention, signal or dead letter
-- lands on the same shard and Replacing/uniqExact dedup (which is per shard) stays exact.

-- Enriched mentions: one row per distinct mention id. The sink never inserts an id that is already
-- stored (it looks ids up first), so a plain count() is exact; ReplacingMergeTree on the same key is
-- the second line of defence. Author ids are keyed hashes unless the author is an organisation account.
CREATE TABLE IF NOT EXISTS mentions_local ON CLUSTER '{cluster}'
(
    id               String,
    source           LowCardinality(String),
    url              String,
    author_id        String,
    author_handle    String,
    author_followers UInt32,
    from_org         Bool,
    text             String,
    title            String,
    lang             LowCardinality(String),
    created_at       DateTime64(3, 'UTC'),
    hashtags         Array(String),
    mentioned        Array(String),
    likes            UInt32,
    reposts          UInt32,
    replies          UInt32,
    quotes           UInt32,
    in_reply_to      String,
    quote_of         String,
    repost_of        String,
    rating           Nullable(Float32),
    city             LowCardinality(String),
    region           LowCardinality(String),
    country          LowCardinality(String),
    sentiment_score  Nullable(Float32),
    sentiment_label  LowCardinality(String),
    topics           Array(String),
    intents          Array(String),
    claims           Array(String),
    claim_stances    Array(String),
    terms            Array(String),
    redactions       Array(String),
    self_disclosure  Bool,
    enriched_at      DateTime64(3, 'UTC'),
    ingested_at      DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX idx_id id TYPE bloom_filter(0.001) GRANULARITY 1
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', enriched_at)
PARTITION BY toYYYYMM(created_at)
ORDER BY (toStartOfHour(created_at), id)
TTL toDateTime(ingested_at) + INTERVAL 400 DAY
SETTINGS replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS mentions ON CLUSTER '{cluster}' AS mentions_local
ENGINE = Distributed('{cluster}', currentDatabase(), 'mentions_local', cityHash64(id));

-- Dead letters: every message Pulse could not process, with the reason and the (bounded) payload.
CREATE TABLE IF NOT EXISTS dead_letters_local ON CLUSTER '{cluster}'
(
    id          String,
    stage       LowCardinality(String),
    topic       LowCardinality(String),
    reason      String,
    payload     String,
    failed_at   DateTime64(3, 'UTC'),
    recorded_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', recorded_at)
ORDER BY id
TTL toDateTime(recorded_at) + INTERVAL 90 DAY
SETTINGS replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS dead_letters ON CLUSTER '{cluster}' AS dead_letters_local
ENGINE = Distributed('{cluster}', currentDatabase(), 'dead_letters_local', cityHash64(id));

-- Signals: one row per state change (id, revision).
CREATE TABLE IF NOT EXISTS signals_local ON CLUSTER '{cluster}'
(
    id             String,
    revision       UInt32,
    kind           LowCardinality(String),
    key_dimension  LowCardinality(String),
    key_value      String,
    state          LowCardinality(String),
    severity       LowCardinality(String),
    score          Float32,
    title          String,
    summary        String,
    bucket_start   DateTime64(3, 'UTC'),
    bucket_seconds UInt32,
    opened_at      DateTime64(3, 'UTC'),
    updated_at     DateTime64(3, 'UTC'),
    observed       Float64,
    expected       Float64,
    unique_authors UInt32,
    evidence       String,
    recorded_at    DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', recorded_at)
ORDER BY (id, revision)
SETTINGS replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS signals ON CLUSTER '{cluster}' AS signals_local
ENGINE = Distributed('{cluster}', currentDatabase(), 'signals_local', cityHash64(id));
