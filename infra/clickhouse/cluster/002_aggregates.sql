-- Pulse on a ClickHouse cluster: the tables of infra/clickhouse/migrations/002_aggregates.sql as replicated
-- `*_local` tables on every node plus `Distributed` tables under the original names, so Pulse's
-- inserts and queries work unchanged. Needs the macros {cluster}, {shard} and {replica} in each
-- server's config and ClickHouse Keeper. Apply in order, before the first Pulse service starts:
--   clickhouse-client --multiquery --database pulse < infra/clickhouse/cluster/002_aggregates.sql
-- Rows are sharded by cityHash64 of their id, so every copy of one mention, signal or dead letter
-- lands on the same shard and Replacing/uniqExact dedup (which is per shard) stays exact.

-- Aggregates are fed from mention_events, a Null-engine table the sink writes each batch to just
-- before it writes the same rows to `mentions`. Counts are uniqExact states over the mention id hash,
-- so a batch delivered again after a crash can never count a mention twice.
CREATE TABLE IF NOT EXISTS mention_events_local ON CLUSTER '{cluster}'
(
    id              String,
    source          LowCardinality(String),
    author_id       String,
    lang            LowCardinality(String),
    created_at      DateTime64(3, 'UTC'),
    hashtags        Array(String),
    likes           UInt32,
    reposts         UInt32,
    replies         UInt32,
    quotes          UInt32,
    sentiment_score Nullable(Float32),
    sentiment_label LowCardinality(String),
    topics          Array(String),
    intents         Array(String),
    claims          Array(String),
    claim_stances   Array(String),
    from_org        Bool
)
ENGINE = Null;

CREATE TABLE IF NOT EXISTS mention_events ON CLUSTER '{cluster}' AS mention_events_local
ENGINE = Distributed('{cluster}', currentDatabase(), 'mention_events_local', cityHash64(id));

CREATE TABLE IF NOT EXISTS mentions_per_minute_local ON CLUSTER '{cluster}'
(
    minute         DateTime('UTC'),
    source         LowCardinality(String),
    topic          LowCardinality(String),
    sentiment      LowCardinality(String),
    mentions       AggregateFunction(uniqExact, UInt64),
    authors        AggregateFunction(uniq, String),
    sentiment_sum  SimpleAggregateFunction(sum, Float64),
    engagement     SimpleAggregateFunction(sum, UInt64)
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, topic, source, sentiment)
TTL minute + INTERVAL 400 DAY;

CREATE TABLE IF NOT EXISTS mentions_per_minute ON CLUSTER '{cluster}' AS mentions_per_minute_local
ENGINE = Distributed('{cluster}', currentDatabase(), 'mentions_per_minute_local');

CREATE MATERIALIZED VIEW IF NOT EXISTS mentions_per_minute_mv ON CLUSTER '{cluster}' TO mentions_per_minute_local AS
SELECT
    toStartOfMinute(created_at) AS minute,
    source,
    arrayJoin(if(empty(topics), [''], topics)) AS topic,
    sentiment_label AS sentiment,
    uniqExactState(cityHash64(id)) AS mentions,
    uniqState(author_id) AS authors,
    sum(toFloat64(ifNull(sentiment_score, 0))) AS sentiment_sum,
    sum(toUInt64(likes + reposts + replies + quotes)) AS engagement
FROM mention_events_local
GROUP BY minute, source, topic, sentiment;

CREATE TABLE IF NOT EXISTS mentions_per_hour_local ON CLUSTER '{cluster}'
(
    hour           DateTime('UTC'),
    source         LowCardinality(String),
    topic          LowCardinality(String),
    sentiment      LowCardinality(String),
    mentions       AggregateFunction(uniqExact, UInt64),
    authors        AggregateFunction(uniq, String),
    sentiment_sum  SimpleAggregateFunction(sum, Float64),
    engagement     SimpleAggregateFunction(sum, UInt64)
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, topic, source, sentiment)
TTL hour + INTERVAL 800 DAY;

CREATE TABLE IF NOT EXISTS mentions_per_hour ON CLUSTER '{cluster}' AS mentions_per_hour_local
ENGINE = Distributed('{cluster}', currentDatabase(), 'mentions_per_hour_local');

CREATE MATERIALIZED VIEW IF NOT EXISTS mentions_per_hour_mv ON CLUSTER '{cluster}' TO mentions_per_hour_local AS
SELECT
    toStartOfHour(created_at) AS hour,
    source,
    arrayJoin(if(empty(topics), [''], topics)) AS topic,
    sentiment_label AS sentiment,
    uniqExactState(cityHash64(id)) AS mentions,
    uniqState(author_id) AS authors,
    sum(toFloat64(ifNull(sentiment_score, 0))) AS sentiment_sum,
    sum(toUInt64(likes + reposts + replies + quotes)) AS engagement
FROM mention_events_local
GROUP BY hour, source, topic, sentiment;

CREATE TABLE IF NOT EXISTS claims_per_minute_local ON CLUSTER '{cluster}'
(
    minute   DateTime('UTC'),
    claim    LowCardinality(String),
    stance   LowCardinality(String),
    source   LowCardinality(String),
    mentions AggregateFunction(uniqExact, UInt64),
    authors  AggregateFunction(uniq, String),
    reach    SimpleAggregateFunction(sum, UInt64)
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, claim, stance, source)
TTL minute + INTERVAL 400 DAY;

CREATE TABLE IF NOT EXISTS claims_per_minute ON CLUSTER '{cluster}' AS claims_per_minute_local
ENGINE = Distributed('{cluster}', currentDatabase(), 'claims_per_minute_local');

CREATE MATERIALIZED VIEW IF NOT EXISTS claims_per_minute_mv ON CLUSTER '{cluster}' TO claims_per_minute_local AS
SELECT
    toStartOfMinute(created_at) AS minute,
    claim_pair.1 AS claim,
    claim_pair.2 AS stance,
    source,
    uniqExactState(cityHash64(id)) AS mentions,
    uniqState(author_id) AS authors,
    sum(toUInt64(likes + reposts + replies + quotes)) AS reach
FROM mention_events_local
ARRAY JOIN arrayZip(claims, claim_stances) AS claim_pair
GROUP BY minute, claim, stance, source;

CREATE TABLE IF NOT EXISTS intents_per_minute_local ON CLUSTER '{cluster}'
(
    minute   DateTime('UTC'),
    intent   LowCardinality(String),
    topic    LowCardinality(String),
    from_org Bool,
    mentions AggregateFunction(uniqExact, UInt64),
    authors  AggregateFunction(uniq, String)
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, intent, topic, from_org)
TTL minute + INTERVAL 400 DAY;

CREATE TABLE IF NOT EXISTS intents_per_minute ON CLUSTER '{cluster}' AS intents_per_minute_local
ENGINE = Distributed('{cluster}', currentDatabase(), 'intents_per_minute_local');

CREATE MATERIALIZED VIEW IF NOT EXISTS intents_per_minute_mv ON CLUSTER '{cluster}' TO intents_per_minute_local AS
SELECT
    toStartOfMinute(created_at) AS minute,
    intent,
    arrayJoin(if(empty(topics), [''], topics)) AS topic,
    from_org,
    uniqExactState(cityHash64(id)) AS mentions,
    uniqState(author_id) AS authors
FROM mention_events_local
ARRAY JOIN intents AS intent
GROUP BY minute, intent, topic, from_org;

CREATE TABLE IF NOT EXISTS hashtags_per_hour_local ON CLUSTER '{cluster}'
(
    hour     DateTime('UTC'),
    hashtag  LowCardinality(String),
    mentions AggregateFunction(uniqExact, UInt64),
    authors  AggregateFunction(uniq, String)
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, hashtag)
TTL hour + INTERVAL 400 DAY;

CREATE TABLE IF NOT EXISTS hashtags_per_hour ON CLUSTER '{cluster}' AS hashtags_per_hour_local
ENGINE = Distributed('{cluster}', currentDatabase(), 'hashtags_per_hour_local');

CREATE MATERIALIZED VIEW IF NOT EXISTS hashtags_per_hour_mv ON CLUSTER '{cluster}' TO hashtags_per_hour_local AS
SELECT
    toStartOfHour(created_at) AS hour,
    hashtag,
    uniqExactState(cityHash64(id)) AS mentions,
    uniqState(author_id) AS authors
FROM mention_events_local
ARRAY JOIN hashtags AS hashtag
GROUP BY hour, hashtag;
