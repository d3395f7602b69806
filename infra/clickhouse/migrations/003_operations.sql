-- Alert delivery log: a restart never resends what was already delivered.
CREATE TABLE IF NOT EXISTS alert_deliveries
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
ENGINE = ReplacingMergeTree(at)
ORDER BY key;

-- Feed actions (acknowledge / assign / resolve / note), append-only audit log.
CREATE TABLE IF NOT EXISTS signal_audit
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
ENGINE = MergeTree
ORDER BY (signal_id, at);
