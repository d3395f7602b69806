-- Misinformation narratives over time: mentions per known claim and stance (spreading, debunking,
-- neutral) per bucket, from claims_per_minute, with distinct authors and reach (engagement).
-- A rising spreading count with few debunking mentions is a narrative to answer.
-- @param since DateTime64(3, 'UTC') window start (--since, relative to --until)
-- @param until DateTime64(3, 'UTC') window end (--until: now, latest or a time)
-- @param bucket_minutes UInt32 = 360 bucket length in minutes
SELECT
    toStartOfInterval(minute, toIntervalMinute({bucket_minutes:UInt32})) AS bucket,
    claim,
    uniqExactMergeIf(mentions, stance = 'spreading') AS spreading,
    uniqExactMergeIf(mentions, stance = 'debunking') AS debunking,
    uniqExactMergeIf(mentions, stance NOT IN ('spreading', 'debunking')) AS other,
    uniqMerge(authors) AS authors,
    sum(reach) AS reach
FROM claims_per_minute
WHERE minute >= toStartOfMinute({since:DateTime64(3, 'UTC')})
  AND minute <= {until:DateTime64(3, 'UTC')}
GROUP BY bucket, claim
ORDER BY claim, bucket
