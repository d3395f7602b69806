-- Aggregates are fed from mention_events, a Null-engine table the sink writes each batch to just
-- before it writes the same rows to `mentions`. Counts are uniqExact states over the mention id hash,
-- so a batch delivered again after a crash can never count a mention twice.
CREATE TABLE IF NOT EXISTS mention_events
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

CREATE TABLE IF NOT EXISTS mentions_per_minute
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
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, topic, source, sentiment)
TTL minute + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS mentions_per_minute_mv TO mentions_per_minute AS
SELECT
    toStartOfMinute(created_at) AS minute,
    source,
    arrayJoin(if(empty(topics), [''], topics)) AS topic,
    sentiment_label AS sentiment,
    uniqExactState(cityHash64(id)) AS mentions,
    uniqState(author_id) AS authors,
    sum(toFloat64(ifNull(sentiment_score, 0))) AS sentiment_sum,
    sum(toUInt64(likes + reposts + replies + quotes)) AS engagement
FROM mention_events
GROUP BY minute, source, topic, sentiment;

CREATE TABLE IF NOT EXISTS mentions_per_hour
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
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, topic, source, sentiment)
TTL hour + INTERVAL 800 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS mentions_per_hour_mv TO mentions_per_hour AS
SELECT
    toStartOfHour(created_at) AS hour,
    source,
    arrayJoin(if(empty(topics), [''], topics)) AS topic,
    sentiment_label AS sentiment,
    uniqExactState(cityHash64(id)) AS mentions,
    uniqState(author_id) AS authors,
    sum(toFloat64(ifNull(sentiment_score, 0))) AS sentiment_sum,
    sum(toUInt64(likes + reposts + replies + quotes)) AS engagement
FROM mention_events
GROUP BY hour, source, topic, sentiment;

CREATE TABLE IF NOT EXISTS claims_per_minute
(
    minute   DateTime('UTC'),
    claim    LowCardinality(String),
    stance   LowCardinality(String),
    source   LowCardinality(String),
    mentions AggregateFunction(uniqExact, UInt64),
    authors  AggregateFunction(uniq, String),
    reach    SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, claim, stance, source)
TTL minute + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS claims_per_minute_mv TO claims_per_minute AS
SELECT
    toStartOfMinute(created_at) AS minute,
    claim_pair.1 AS claim,
    claim_pair.2 AS stance,
    source,
    uniqExactState(cityHash64(id)) AS mentions,
    uniqState(author_id) AS authors,
    sum(toUInt64(likes + reposts + replies + quotes)) AS reach
FROM mention_events
ARRAY JOIN arrayZip(claims, claim_stances) AS claim_pair
GROUP BY minute, claim, stance, source;

CREATE TABLE IF NOT EXISTS intents_per_minute
(
    minute   DateTime('UTC'),
    intent   LowCardinality(String),
    topic    LowCardinality(String),
    from_org Bool,
    mentions AggregateFunction(uniqExact, UInt64),
    authors  AggregateFunction(uniq, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, intent, topic, from_org)
TTL minute + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS intents_per_minute_mv TO intents_per_minute AS
SELECT
    toStartOfMinute(created_at) AS minute,
    intent,
    arrayJoin(if(empty(topics), [''], topics)) AS topic,
    from_org,
    uniqExactState(cityHash64(id)) AS mentions,
    uniqState(author_id) AS authors
FROM mention_events
ARRAY JOIN intents AS intent
GROUP BY minute, intent, topic, from_org;

CREATE TABLE IF NOT EXISTS hashtags_per_hour
(
    hour     DateTime('UTC'),
    hashtag  LowCardinality(String),
    mentions AggregateFunction(uniqExact, UInt64),
    authors  AggregateFunction(uniq, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, hashtag)
TTL hour + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS hashtags_per_hour_mv TO hashtags_per_hour AS
SELECT
    toStartOfHour(created_at) AS hour,
    hashtag,
    uniqExactState(cityHash64(id)) AS mentions,
    uniqState(author_id) AS authors
FROM mention_events
ARRAY JOIN hashtags AS hashtag
GROUP BY hour, hashtag;
