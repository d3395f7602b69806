-- Enriched mentions: one row per distinct mention id. The sink never inserts an id that is already
-- stored (it looks ids up first), so a plain count() is exact; ReplacingMergeTree on the same key is
-- the second line of defence. Author ids are keyed hashes unless the author is an organisation account.
CREATE TABLE IF NOT EXISTS mentions
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
ENGINE = ReplacingMergeTree(enriched_at)
PARTITION BY toYYYYMM(created_at)
ORDER BY (toStartOfHour(created_at), id)
TTL toDateTime(ingested_at) + INTERVAL 400 DAY
SETTINGS non_replicated_deduplication_window = 1000;

-- Dead letters: every message Pulse could not process, with the reason and the (bounded) payload.
CREATE TABLE IF NOT EXISTS dead_letters
(
    id          String,
    stage       LowCardinality(String),
    topic       LowCardinality(String),
    reason      String,
    payload     String,
    failed_at   DateTime64(3, 'UTC'),
    recorded_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(recorded_at)
ORDER BY id
TTL toDateTime(recorded_at) + INTERVAL 90 DAY
SETTINGS non_replicated_deduplication_window = 1000;

-- Signals: one row per state change (id, revision).
CREATE TABLE IF NOT EXISTS signals
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
ENGINE = ReplacingMergeTree(recorded_at)
ORDER BY (id, revision)
SETTINGS non_replicated_deduplication_window = 1000;
